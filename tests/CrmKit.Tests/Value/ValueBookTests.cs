using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class ValueBookTests
{
    [Fact]
    public void Cdnow_fit_through_the_database_matches_the_model_fitted_on_the_raw_purchases_and_is_stored()
    {
        using var db = TestDatabase.InMemory();
        var purchases = CdnowData.Sample;
        foreach (var code in purchases.Select(p => p.CustomerCode).Distinct())
            db.Crm.Customers.Create(new Customer(code, "CDNOW " + code));
        db.Crm.Interactions.RecordBatch(purchases.Select(p =>
            new Interaction(p.CustomerCode, InteractionKind.Purchase, Channel.Web, p.OccurredAt) { Amount = p.Amount }));

        var fit = db.Crm.Value.Fit(CdnowData.Calibration.End, CdnowData.Calibration.Start);

        var direct = ValueModel.FitTo(CdnowData.Summaries, CdnowData.Calibration, CdnowData.Week, TimeProvider.System).Fit;
        Assert.Equal(direct.Purchases.R, fit.Purchases.R, 6);
        Assert.Equal(direct.Purchases.Alpha, fit.Purchases.Alpha, 4);
        Assert.Equal(direct.Spend.P, fit.Spend.P, 4);
        Assert.Equal(db.Clock.GetUtcNow(), fit.FittedAt);

        var stored = db.Crm.Value.LatestFit()!;
        Assert.Equal(fit.Purchases, stored.Purchases);
        Assert.Equal(fit.Calibration, stored.Calibration);
        var values = db.Crm.Value.All();
        Assert.Equal(purchases.Select(p => p.CustomerCode).Distinct().Count(), values.Count);
        var one = db.Crm.Value.For(values[0].CustomerCode)!;
        Assert.Equal(values[0], one);
        Assert.InRange(one.ProbabilityAlive, 0, 1);
        Assert.Equal(values.Sum(v => v.LifetimeValue), db.Crm.Value.CustomerEquity());
    }

    [Fact]
    public void Fitting_a_database_without_purchases_is_refused()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(1);
        db.Crm.Interactions.Record(new Interaction("C0", "inquiry", "web", db.Clock.GetUtcNow()));

        Assert.Throws<CrmValidationException>(() => db.Crm.Value.Fit(DateOnly.FromDateTime(db.Clock.GetUtcNow().Date)));
        Assert.Null(db.Crm.Value.LatestFit());
    }

    [Fact]
    public void A_small_recent_log_where_nobody_drops_out_fits_and_scores_finitely()
    {
        // Ten customers, every purchase in the last three days of the window: the likelihood runs off
        // towards no drop-out and one purchase rate for all, which used to overflow the scoring.
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(10);
        int[][] daysAgo = [[0, 2], [1, 2], [0], [0], [1, 0], [2, 1, 0], [1], [1], [1, 0, 2], [1, 0]];
        var end = new DateOnly(2025, 12, 31);
        for (int c = 0; c < daysAgo.Length; c++)
            foreach (int d in daysAgo[c])
                db.Crm.Interactions.Record(new Interaction("C" + c, InteractionKind.Purchase, Channel.Store,
                    new DateTimeOffset(end.AddDays(-d).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)) { Amount = 20m });

        var fit = db.Crm.Value.Fit(end, new DateOnly(2025, 10, 3));

        Assert.All(new[] { fit.Purchases.R, fit.Purchases.Alpha, fit.Purchases.A, fit.Purchases.B }, v => Assert.True(double.IsFinite(v)));
        foreach (var v in db.Crm.Value.All())
        {
            Assert.True(double.IsFinite(v.ExpectedPurchasesNextPeriod) && v.ExpectedPurchasesNextPeriod >= 0, v.ToString());
            Assert.InRange(v.ExpectedSpend, 19.9m, 20.1m);
            Assert.True(v.LifetimeValue > 0m, v.ToString());
        }
    }
}

