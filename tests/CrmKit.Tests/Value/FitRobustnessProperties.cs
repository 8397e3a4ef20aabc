using CrmKit.Value;
using FsCheck.Xunit;

namespace CrmKit.Tests.Value;

[Properties(Arbitrary = [typeof(SmallPurchaseLogs)], MaxTest = 150)]
public class FitRobustnessProperties
{
    // The fit either gives finite parameters and finite, non-negative figures for every customer,
    // or refuses the data with an ArgumentException that says why. Nothing else may escape.
    [Property]
    public void Fitting_a_small_log_gives_finite_figures_or_a_clear_refusal(SmallLog log)
    {
        var summaries = new PurchaseSummaryBuilder(log.Window, log.Unit).Build(log.Purchases);
        ValueModel model;
        try
        {
            model = ValueModel.FitTo(summaries, log.Window, log.Unit, TimeProvider.System);
        }
        catch (ArgumentException e)
        {
            Assert.Matches("repeat purchase", e.Message);
            return;
        }

        var bg = model.Fit.Purchases;
        var gg = model.Fit.Spend;
        Assert.All(new[] { bg.R, bg.Alpha, bg.A, bg.B, gg.P, gg.Q, gg.Gamma, model.Fit.PurchasesLogLikelihood, model.Fit.SpendLogLikelihood },
            v => Assert.True(double.IsFinite(v), $"parameter {v}"));
        foreach (var v in model.Score(summaries))
        {
            Assert.InRange(v.ProbabilityAlive, 0.0, 1.0);
            Assert.True(double.IsFinite(v.ExpectedPurchasesNextPeriod) && v.ExpectedPurchasesNextPeriod >= 0, $"{v.CustomerCode}: {v.ExpectedPurchasesNextPeriod}");
            Assert.True(v.ExpectedSpend >= 0m, $"{v.CustomerCode}: spend {v.ExpectedSpend}");
            Assert.True(v.LifetimeValue >= 0m, $"{v.CustomerCode}: CLV {v.LifetimeValue}");
        }
    }
}
