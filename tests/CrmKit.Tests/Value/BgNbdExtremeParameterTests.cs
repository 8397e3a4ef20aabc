using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class BgNbdExtremeParameterTests
{
    [Theory]
    [InlineData(0.5, 2.0, 0.8, 0, 0.0, 10.0, 52.0)]
    [InlineData(0.5, 2.0, 20.0, 3, 8.0, 10.0, 52.0)]
    [InlineData(300_000.0, 70_000.0, 2.0, 2, 0.3, 0.3, 52.0)]
    [InlineData(1.4, 0.7, 0.0004, 5, 0.1, 0.2, 52.0)]
    public void With_almost_no_drop_out_the_expectation_is_the_NBD_closed_form(double r, double alpha, double a, int x, double tx, double age, double t)
    {
        // b → ∞ makes the drop-out probability a/(a+b) vanish: E[Y(t)] → (r+x)·t/(α+T).
        var model = new BgNbdModel(new BgNbdParameters(r, alpha, a, 1e6 * Math.Max(a, 1)));
        double nbd = (r + x) * t / (alpha + age);
        double actual = model.ConditionalExpectedPurchases(t, x, tx, age);
        Assert.InRange(actual, nbd * (1 - 1e-3), nbd);
    }

    [Theory]
    [InlineData(4.0, 0.5, true)]
    [InlineData(2.0, 10.5, false)]
    public void Expectation_is_continuous_where_the_evaluation_changes_form(double a, double r, bool acrossA)
    {
        // Euler's form serves a < 4 with r < a + b + 7 (here b = 1.5), the defining series the rest.
        double step = 1e-9;
        foreach (var (x, tx, age, t) in new[] { (0, 0.0, 20.0, 39.0), (4, 15.0, 20.0, 39.0), (40, 19.0, 20.0, 300.0) })
        {
            double below = Expect(acrossA ? r : r - step, acrossA ? a - step : a, x, tx, age, t);
            double above = Expect(acrossA ? r : r + step, acrossA ? a + step : a, x, tx, age, t);
            Assert.Equal(below, above, 1e-7 * Math.Max(1, below));
        }
    }

    [Fact]
    public void The_parameters_that_broke_scoring_now_give_finite_expectations()
    {
        // A fit that ran off towards nobody dropping out: a in the millions, b larger still, so a
        // drop-out chance of 7e-5 per purchase, a few per cent below the NBD value over 380 purchases.
        var model = new BgNbdModel(new BgNbdParameters(0.9, 3.2, 14.3e6, 2.1e11));
        foreach (var (x, tx, age) in new[] { (0, 0.0, 1.0), (3, 0.5, 1.0), (30, 0.9, 1.0) })
        {
            double e = model.ConditionalExpectedPurchases(52, x, tx, age);
            Assert.True(double.IsFinite(e) && e >= 0, $"x={x}: {e}");
            Assert.InRange(e, (0.9 + x) * 52 / 4.2 * 0.97, (0.9 + x) * 52 / 4.2);
        }

        // The same a with a modest b: almost everyone drops out after each purchase.
        var leaving = new BgNbdModel(new BgNbdParameters(0.9, 3.2, 14.3e6, 2.0));
        double few = leaving.ConditionalExpectedPurchases(52, 3, 0.5, 1.0);
        Assert.InRange(few, 0.0, 1.0);
    }

    [Fact]
    public void The_fit_stays_inside_its_parameter_bounds()
    {
        // Everyone buys every few days in the last two weeks and nobody stops: the likelihood keeps
        // rising towards the no-drop-out limit, and the search must stop at the bounds.
        var summaries = Enumerable.Range(0, 8)
            .Select(i => new PurchaseSummary("C" + i, 1 + i % 3, 1.5 + 0.1 * (i % 3), 2.0, 20m, 20m * (2 + i % 3)))
            .ToArray();
        var p = BgNbdFitter.Fit(summaries).Parameters;
        Assert.All(new[] { p.R, p.Alpha, p.A, p.B }, v => Assert.InRange(v, BgNbdFitter.LowestParameter, BgNbdFitter.HighestParameter));
    }

    private static double Expect(double r, double a, int x, double tx, double age, double t) =>
        new BgNbdModel(new BgNbdParameters(r, 1.3, a, 1.5)).ConditionalExpectedPurchases(t, x, tx, age);
}
