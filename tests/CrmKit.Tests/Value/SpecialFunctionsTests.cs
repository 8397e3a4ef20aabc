using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)]          // ln 24
    [InlineData(0.5, 0.57236494292470008)]         // ln √π
    [InlineData(0.1, 2.2527126517342059)]
    [InlineData(100.0, 359.13420536957540)]        // ln 99!
    [InlineData(1e6, 12815504.569147612)]
    public void LogGamma_matches_reference_values(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-13 * Math.Max(1.0, Math.Abs(expected)));
    }

    [Fact]
    public void LogGamma_satisfies_the_recurrence()
    {
        for (double x = 0.01; x < 50; x *= 1.37)
        {
            Assert.Equal(SpecialFunctions.LogGamma(x) + Math.Log(x), SpecialFunctions.LogGamma(x + 1), 1e-12 * Math.Max(1, Math.Abs(SpecialFunctions.LogGamma(x + 1))));
        }
    }

    [Fact]
    public void LogGamma_rejects_non_positive_arguments()
    {
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(double.NaN));
    }

    [Fact]
    public void Small_argument_helpers_keep_their_precision()
    {
        Assert.Equal(1e-12 + 5e-25, SpecialFunctions.ExpM1(1e-12), 1e-27);
        Assert.Equal(Math.E - 1, SpecialFunctions.ExpM1(1), 1e-15);
        Assert.Equal(1e-12 - 5e-25, SpecialFunctions.Log1P(1e-12), 1e-27);
        Assert.Equal(1000 + Math.Log(2), SpecialFunctions.LogAddExp(1000, 1000), 1e-12);
        Assert.Equal(-5.0, SpecialFunctions.LogAddExp(double.NegativeInfinity, -5.0));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(-0.7)]
    [InlineData(0.995)]
    public void F21_matches_closed_forms(double z)
    {
        // ₂F₁(1, 1; 2; z) = −ln(1−z)/z and ₂F₁(a, b; b; z) = (1−z)^−a.
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.F21(1, 1, 2, z), 1e-12 * Math.Abs(Math.Log(1 - z) / z));
        Assert.Equal(Math.Pow(1 - z, -2.5), Hypergeometric.F21(2.5, 1.7, 1.7, z), 1e-11 * Math.Pow(1 - z, -2.5));
        // ₂F₁(1/2, 1/2; 3/2; z²) = arcsin(z)/z.
        Assert.Equal(Math.Asin(z) / z, Hypergeometric.F21(0.5, 0.5, 1.5, z * z), 1e-12);
    }

    [Fact]
    public void F21_satisfies_Euler_transformation()
    {
        double a = 3.243, b = 5.426, c = 4.219, z = 0.61;
        double direct = Hypergeometric.F21(a, b, c, z);
        double euler = Math.Pow(1 - z, c - a - b) * Hypergeometric.F21(c - a, c - b, c, z);
        Assert.Equal(direct, euler, 1e-11 * direct);
    }

    [Theory]
    [InlineData(0.5, 2.0, 0.3)]
    [InlineData(3.0, 1.5, 0.9)]
    [InlineData(1000.0, 7.0, 0.9)]
    [InlineData(2.0, 0.01, 0.999)]
    public void Rescaled_tail_matches_the_closed_form_even_beyond_double_range(double a, double b, double z)
    {
        // ₂F₁(a, b; b; z) = (1 − z)^−a, so ln(₂F₁ − 1) = ln((1 − z)^−a − 1); 10^1000 for a = 1000, z = 0.9.
        double logF = -a * Math.Log(1 - z);
        double expected = logF + Math.Log(-SpecialFunctions.ExpM1(-logF));
        double actual = Hypergeometric.LogAbsTail(a, b, b, z, out int sign);
        Assert.Equal(1, sign);
        Assert.Equal(expected, actual, 1e-11 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Rescaled_tail_is_negative_for_c_between_minus_one_and_zero()
    {
        double plain = Hypergeometric.F21(0.7, 0.4, -0.3, 0.5) - 1;
        double log = Hypergeometric.LogAbsTail(0.7, 0.4, -0.3, 0.5, out int sign);
        Assert.Equal(-1, sign);
        Assert.Equal(plain, -Math.Exp(log), 1e-12 * Math.Abs(plain));
    }
}
