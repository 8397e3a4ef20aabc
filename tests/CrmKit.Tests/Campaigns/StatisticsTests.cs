namespace CrmKit.Tests.Campaigns;

/// <summary>The Student t quantile, Wilson and Newcombe intervals and Welch's interval against published values.</summary>
public class StatisticsTests
{
    [Theory]
    // Two-sided 95% (p = 0.975), 90% (0.95) and 99% (0.995) points from the standard t table.
    [InlineData(0.975, 1, 12.706204736174698)]
    [InlineData(0.975, 2, 4.302652729749464)]
    [InlineData(0.975, 3, 3.182446305284263)]
    [InlineData(0.975, 5, 2.570581835636314)]
    [InlineData(0.975, 10, 2.228138851986522)]
    [InlineData(0.975, 30, 2.042272456301238)]
    [InlineData(0.975, 120, 1.979930405052777)]
    [InlineData(0.95, 1, 6.313751514675041)]
    [InlineData(0.95, 10, 1.812461122811676)]
    [InlineData(0.995, 3, 5.840909309733350)]
    [InlineData(0.995, 20, 2.845339709785429)]
    [InlineData(0.025, 10, -2.228138851986522)]
    public void Student_t_quantiles_match_the_table(double p, double nu, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, nu), 1e-9);

    [Fact]
    public void Student_t_quantile_matches_the_closed_forms_for_one_and_two_degrees_of_freedom()
    {
        foreach (var p in new[] { 0.001, 0.05, 0.3, 0.6, 0.9, 0.975, 0.9999 })
        {
            Assert.Equal(Math.Tan(Math.PI * (p - 0.5)), StudentT.Quantile(p, 1), 1e-8 * Math.Max(1, Math.Abs(Math.Tan(Math.PI * (p - 0.5)))));
            Assert.Equal((2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), StudentT.Quantile(p, 2), 1e-9);
        }
    }

    [Fact]
    public void Student_t_quantile_inverts_the_distribution_function_at_fractional_degrees_of_freedom()
    {
        foreach (var nu in new[] { 0.5, 1.7, 4.2, 24.93, 311.4, 12_345.6 })
        foreach (var p in new[] { 0.01, 0.2, 0.5, 0.8, 0.975 })
            Assert.Equal(p, StudentT.Cdf(StudentT.Quantile(p, nu), nu), 1e-10);
    }

    [Fact]
    public void Student_t_quantile_tends_to_the_normal_one()
    {
        Assert.Equal(Proportions.Z95, StudentT.Quantile(0.975, 1e9), 1e-6);
        // Cornish–Fisher: z + (z³ + z)/4ν + (5z⁵ + 16z³ + 3z)/96ν² = 1.9599877075346 at ν = 100 000.
        Assert.Equal(1.9599877075346068, StudentT.Quantile(0.975, 100_000), 1e-9);
        Assert.True(StudentT.Quantile(0.975, 24.9) is > 2.059 and < 2.061);
    }

    [Fact]
    public void Student_t_rejects_what_has_no_quantile()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.5, 0));
    }

    [Theory]
    // Wilson 95% intervals: Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II, method 3.
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(29, 29, 0.8830, 1.0)]
    public void Wilson_intervals_match_published_values(int x, int n, double low, double high)
    {
        var interval = Proportions.Wilson(x, n);
        Assert.Equal(low, interval.Low, 4e-4);
        Assert.Equal(high, interval.High, 4e-4);
    }

    [Theory]
    // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10.
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0)]
    public void Newcombe_hybrid_score_intervals_match_the_paper(int x1, int n1, int x2, int n2, double low, double high)
    {
        var interval = Proportions.NewcombeDifference(x1, n1, x2, n2);
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, interval.Estimate, 1e-12);
        Assert.Equal(low, interval.Low, 6e-4);
        Assert.Equal(high, interval.High, 6e-4);
    }

    [Fact]
    public void Welch_interval_matches_the_worked_example()
    {
        // Welch's t-test, example 1 of the Wikipedia article: t = −2.46, p ≈ 0.021; ν = 24.9885 by an
        // independent computation of the Welch–Satterthwaite formula (Python's statistics module).
        double[] a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        var interval = Welch.Difference(a, b)!.Value;
        var (ma, va) = Welch.MeanAndVariance(a);
        var (mb, vb) = Welch.MeanAndVariance(b);
        var se = Math.Sqrt(va / a.Length + vb / b.Length);
        Assert.Equal(-2.46, (ma - mb) / se, 0.01);
        var nu = Math.Pow(va / a.Length + vb / b.Length, 2) / (Math.Pow(va / a.Length, 2) / 14 + Math.Pow(vb / b.Length, 2) / 14);
        Assert.Equal(24.98852929023142, nu, 1e-9);
        Assert.Equal(StudentT.Quantile(0.975, nu) * se, interval.High - interval.Estimate, 1e-9);
        Assert.True(interval.High < 0, "p ≈ 0.021, so the 95% interval excludes zero");
        Assert.True(Welch.Difference(a, b, 0.99)!.Value.High > 0, "p ≈ 0.021, so the 99% interval includes zero");
    }

    [Fact]
    public void Welch_needs_two_values_per_side_and_collapses_without_spread()
    {
        Assert.Null(Welch.Difference([1.0], [1.0, 2.0]));
        var flat = Welch.Difference([3.0, 3.0], [1.0, 1.0, 1.0])!.Value;
        Assert.Equal((2.0, 2.0, 2.0), (flat.Estimate, flat.Low, flat.High));
    }
}
