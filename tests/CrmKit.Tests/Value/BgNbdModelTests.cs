using CrmKit.TestSupport;
using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class BgNbdModelTests
{
    private static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void Cdnow_fit_matches_the_published_parameters_within_one_percent()
    {
        var fit = BgNbdFitter.Fit(CdnowData.Summaries);
        var p = fit.Parameters;
        AssertWithinPercent(0.243, p.R, 1);
        AssertWithinPercent(4.414, p.Alpha, 1);
        AssertWithinPercent(0.793, p.A, 1);
        AssertWithinPercent(2.426, p.B, 1);
        Assert.InRange(fit.LogLikelihood, -9582.4 - 0.5, -9582.4 + 0.5);
        // The maximum is a maximum: the published (rounded) point is not better.
        double atPublished = CdnowData.Summaries.Sum(s => BgNbdModel.LogLikelihood(Published, s.Frequency, s.Recency, s.Age));
        Assert.True(fit.LogLikelihood >= atPublished, $"fitted {fit.LogLikelihood} < published {atPublished}");
    }

    [Theory]
    [InlineData(0, 0.0, 38.86, 39.0)]
    [InlineData(2, 30.43, 38.86, 39.0)]
    [InlineData(7, 29.43, 35.0, 10.0)]
    [InlineData(1, 1.71, 38.86, 1.0)]
    public void Conditional_expectation_equals_the_published_formula_evaluated_directly(int x, double tx, double age, double t)
    {
        // FHL 2005 eq. 10 with the plain series; the model evaluates it through Euler's transformation.
        double r = Published.R, alpha = Published.Alpha, a = Published.A, b = Published.B;
        double z = t / (alpha + age + t);
        double f = Hypergeometric.F21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.Pow((alpha + age) / (alpha + age + t), r + x) * f);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + age) / (alpha + tx), r + x) : 0);
        double expected = numerator / denominator;

        double actual = new BgNbdModel(Published).ConditionalExpectedPurchases(t, x, tx, age);
        Assert.Equal(expected, actual, 1e-10 * Math.Max(1, expected));
    }

    [Fact]
    public void New_customer_expectation_starts_at_the_mean_rate_and_matches_the_formula()
    {
        var model = new BgNbdModel(Published);
        double r = Published.R, alpha = Published.Alpha, a = Published.A, b = Published.B;
        Assert.Equal(r / alpha * 1e-6, model.ExpectedPurchasesOfNewCustomer(1e-6), 1e-10);
        double t = 78;
        double direct = (a + b - 1) / (a - 1) * (1 - Math.Pow(alpha / (alpha + t), r) * Hypergeometric.F21(r, b, a + b - 1, t / (alpha + t)));
        Assert.Equal(direct, model.ExpectedPurchasesOfNewCustomer(t), 1e-10);
    }

    [Fact]
    public void Expectation_is_continuous_through_a_equal_to_one()
    {
        double Eval(double a) => new BgNbdModel(new BgNbdParameters(0.5, 5, a, 3)).ConditionalExpectedPurchases(52, 3, 20, 30);
        double at1 = Eval(1.0);
        Assert.True(double.IsFinite(at1) && at1 > 0);
        Assert.Equal(at1, Eval(1 - 1e-7), 1e-5);
        Assert.Equal(at1, Eval(1 + 1e-7), 1e-5);
    }

    [Fact]
    public void Large_frequencies_and_long_ages_stay_finite()
    {
        var model = new BgNbdModel(Published);
        foreach (var (x, tx, age) in new[] { (5000, 9000.0, 10000.0), (300, 10.0, 5000.0), (0, 0.0, 1e6) })
        {
            double ll = BgNbdModel.LogLikelihood(Published, x, tx, age);
            double alive = model.ProbabilityAlive(x, tx, age);
            double e = model.ConditionalExpectedPurchases(520, x, tx, age);
            Assert.True(double.IsFinite(ll), $"ll {ll}");
            Assert.InRange(alive, 0, 1);
            Assert.True(double.IsFinite(e) && e >= 0, $"E {e}");
        }

        Assert.Equal(0.0, model.ProbabilityAlive(300, 10.0, 5000.0), 1e-12);
        Assert.Equal(1.0, model.ProbabilityAlive(0, 0.0, 1e6));
    }

    [Fact]
    public void Fit_rejects_data_it_cannot_fit()
    {
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(() => BgNbdFitter.Fit([])).ParamName);
        var onlyOnce = new[] { new PurchaseSummary("a", 0, 0, 10, 0m, 5m), new PurchaseSummary("b", 0, 0, 3, 0m, 5m) };
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(() => BgNbdFitter.Fit(onlyOnce)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdParameters(1, double.NaN, 1, 1)).ParamName);
    }

    internal static void AssertWithinPercent(double expected, double actual, double percent) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * percent / 100,
            $"expected {expected} within {percent}% but got {actual}");
}

public class CustomerBaseSimulatorTests
{
    [Fact]
    public void A_fit_recovers_the_parameters_a_base_was_simulated_from()
    {
        var truth = new BgNbdParameters(0.5, 5.0, 0.8, 2.5);
        var window = new CalibrationWindow(new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31));
        var log = CustomerBaseSimulator.Simulate(truth, new GammaGammaParameters(6, 4, 15), 6000, window.Start, window.End, TimeSpan.FromDays(7), 84, seed: 7);
        var summaries = new PurchaseSummaryBuilder(window, TimeSpan.FromDays(7)).Build(log);
        var fit = BgNbdFitter.Fit(summaries).Parameters;
        // Sampling error with 6,000 customers is a few percent; day rounding of purchases adds a little.
        BgNbdModelTests.AssertWithinPercent(truth.R, fit.R, 15);
        BgNbdModelTests.AssertWithinPercent(truth.Alpha, fit.Alpha, 15);
        BgNbdModelTests.AssertWithinPercent(truth.A, fit.A, 30);
        BgNbdModelTests.AssertWithinPercent(truth.B, fit.B, 30);
    }
}

public class SimulatedSummariesTests
{
    [Fact]
    public void Summaries_drawn_directly_equal_the_summaries_of_the_simulated_log()
    {
        var window = new CalibrationWindow(new DateOnly(2020, 1, 1), new DateOnly(2021, 6, 30));
        var week = TimeSpan.FromDays(7);
        var purchases = new BgNbdParameters(0.5, 5.0, 0.8, 2.5);
        var spend = new GammaGammaParameters(6, 4, 15);
        var fromLog = new PurchaseSummaryBuilder(window, week).Build(
            CustomerBaseSimulator.Simulate(purchases, spend, 500, window.Start, window.End, week, 84, seed: 3));
        var direct = CustomerBaseSimulator.SimulateSummaries(purchases, spend, 500, window.Start, window.End, week, 84, seed: 3);

        Assert.Equal(fromLog.Count, direct.Count);
        var byCode = fromLog.ToDictionary(s => s.CustomerCode);
        for (int i = 0; i < direct.Count; i++)
        {
            PurchaseSummary s = byCode[direct.Codes[i]];
            Assert.Equal((s.Frequency, s.Recency, s.Age, (double)s.AverageRepeatSpend, s.TotalSpend),
                (direct.Frequency[i], direct.Recency[i], direct.Age[i], direct.AverageRepeatSpend[i], direct.TotalSpend[i]));
        }
    }
}
