using CrmKit.Value;
using static CrmKit.Tests.Value.BgNbdModelTests;

namespace CrmKit.Tests.Value;

public class GammaGammaModelTests
{
    [Fact]
    public void Cdnow_spend_fit_matches_the_published_parameters_within_one_percent()
    {
        var fit = GammaGammaModel.Fit(CdnowData.Summaries);
        Assert.Equal(946, fit.Customers);
        AssertWithinPercent(6.25, fit.Parameters.P, 1);
        AssertWithinPercent(3.74, fit.Parameters.Q, 1);
        AssertWithinPercent(15.44, fit.Parameters.Gamma, 1);
    }

    [Fact]
    public void Expected_spend_shrinks_the_customers_mean_towards_the_population_mean()
    {
        var model = new GammaGammaModel(new GammaGammaParameters(6.25, 3.74, 15.44));
        double population = 6.25 * 15.44 / (3.74 - 1);
        Assert.Equal(population, model.ConditionalExpectedSpend(0, 0), 1e-12);
        double one = model.ConditionalExpectedSpend(1, 100);
        double many = model.ConditionalExpectedSpend(50, 100);
        Assert.InRange(one, population, 100);
        Assert.InRange(many, one, 100);
        Assert.Equal(6.25 * (15.44 + 2 * 30.0) / (6.25 * 2 + 3.74 - 1), model.ConditionalExpectedSpend(2, 30), 1e-12);
    }

    [Fact]
    public void Population_mean_without_a_finite_value_is_refused()
    {
        var model = new GammaGammaModel(new GammaGammaParameters(2, 0.9, 10));
        Assert.Throws<InvalidOperationException>(() => model.ConditionalExpectedSpend(0, 0));
        Assert.True(model.ConditionalExpectedSpend(1, 20) > 0);
    }

    [Fact]
    public void Spend_fit_needs_customers_with_repeat_spend()
    {
        var none = new[] { new PurchaseSummary("a", 0, 0, 10, 0m, 5m), new PurchaseSummary("b", 1, 2, 3, 0m, 5m) };
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit(none)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaParameters(1, -1, 1)).ParamName);
    }
}
