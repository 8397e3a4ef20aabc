namespace CrmKit.Tests.Campaigns;

/// <summary>The rates, their formulas and their cuts.</summary>
public class RatesTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static RateContext Ctx(string owner, string? campaign = null, params string[] segments) => new(owner, Channel.Phone, campaign, segments);

    [Fact]
    public void Retention_success_counts_contacted_at_risk_customers_who_stayed()
    {
        RetentionCase[] cases =
        [
            new("A", T, Contacted: true, Stayed: true, Ctx("ana", "q4", "vip")),
            new("B", T, Contacted: true, Stayed: false, Ctx("ana", "q4", "vip", "family")),
            new("C", T, Contacted: false, Stayed: true, Ctx("omar")),
            new("D", T, Contacted: true, Stayed: true, Ctx("omar")),
        ];
        var all = RateCalculator.RetentionSuccess(cases, RateCut.All);
        Assert.Equal(new Rate(2, 3), all["all"]);
        Assert.Equal(RateCalculator.RetentionFormula, all.Formula);
        var byOwner = RateCalculator.RetentionSuccess(cases, RateCut.ByOwner);
        Assert.Equal((new Rate(1, 2), new Rate(1, 1)), (byOwner["ana"], byOwner["omar"]));
        var bySegment = RateCalculator.RetentionSuccess(cases, RateCut.BySegment);
        Assert.Equal(["(none)", "family", "vip"], bySegment.Rows.Select(r => r.Key));
        Assert.Equal(new Rate(1, 2), bySegment["vip"]);
        Assert.Equal(new Rate(1, 1), RateCalculator.RetentionSuccess(cases, RateCut.ByCampaign)["(none)"]);
    }

    [Fact]
    public void Contact_success_counts_attempts_on_the_channel_actually_used()
    {
        ContactAttempt[] attempts =
        [
            new("A", 1, null, Channel.Phone, T, AttemptOutcome.NoAnswer, "ana"),
            new("A", 1, null, Channel.Phone, T.AddHours(4), AttemptOutcome.Reached, "ana"),
            new("B", 2, null, Channel.Sms, T, AttemptOutcome.Busy, "omar"),
            new("C", null, 7, Channel.Messaging, T.AddDays(40), AttemptOutcome.Reached, "omar"),
        ];
        RateContext Context(ContactAttempt a) => new(a.Actor);
        var byChannel = RateCalculator.ContactSuccess(attempts, Context, RateCut.ByChannel);
        Assert.Equal((new Rate(1, 2), new Rate(0, 1), new Rate(1, 1)), (byChannel["phone"], byChannel["sms"], byChannel["messaging"]));
        var byMonth = RateCalculator.ContactSuccess(attempts, Context, RateCut.ByPeriod(RatePeriod.Month, Berlin));
        Assert.Equal(["2026-11", "2026-12"], byMonth.Rows.Select(r => r.Key));
        Assert.Equal(0.5, RateCalculator.ContactSuccess(attempts, Context, RateCut.All)["all"].Value);
    }

    [Fact]
    public void Offer_acceptance_leaves_undecided_offers_out_and_participation_counts_everyone_invited()
    {
        OfferDecision[] offers = [new("A", T, true, RateContext.None), new("B", T, false, RateContext.None), new("C", T, null, RateContext.None)];
        Assert.Equal(new Rate(1, 2), RateCalculator.OfferAcceptance(offers, RateCut.All)["all"]);
        ParticipationCase[] invited = [new("A", T, true, RateContext.None), new("B", T, false, RateContext.None), new("C", T, false, RateContext.None)];
        Assert.Equal(new Rate(1, 3), RateCalculator.Participation(invited, RateCut.All)["all"]);
        Assert.Null(default(Rate).Value);
    }

    [Fact]
    public void Period_labels_follow_the_local_calendar()
    {
        var week = RateCut.ByPeriod(RatePeriod.Week, Berlin);
        // 2026-12-31 23:30 UTC is already 2027-01-01 in Berlin, which is in ISO week 53 of 2026.
        Assert.Equal("2026-W53", week.Keys(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), RateContext.None).Single());
        Assert.Equal("2027-Q1", RateCut.ByPeriod(RatePeriod.Quarter, Berlin).Keys(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), RateContext.None).Single());
        Assert.Equal(new DateOnly(2026, 12, 7), week.NextPeriodStart(new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateOnly(2026, 12, 14), week.NextPeriodStart(new DateOnly(2026, 12, 7)));
    }

    private static StageChange Change(string code, string? from, string to, DateTimeOffset at) => new(code, from is null ? (StageId?)null : new StageId(from), to, at, "", "test");

    [Fact]
    public void Churn_by_entering_the_churned_stage()
    {
        var from = T;
        var to = T.AddDays(30);
        ChurnSubject[] subjects =
        [
            new("A", [Change("A", null, "growing", T.AddDays(-100)), Change("A", "growing", "churned", T.AddDays(10))], [], Ctx("ana")),
            new("B", [Change("B", null, "growing", T.AddDays(-100))], [], Ctx("ana")),
            new("C", [Change("C", null, "churned", T.AddDays(-100))], [], Ctx("omar")),   // churned already: not in the denominator
            new("D", [Change("D", null, "growing", T.AddDays(5))], [], Ctx("omar")),      // joined during the period: not in it either
            new("E", [Change("E", null, "growing", T.AddDays(-100)), Change("E", "growing", "churned", T.AddDays(30))], [], Ctx("omar")),
        ];
        var churn = RateCalculator.ChurnRate(subjects, ChurnDefinition.EnteringStage("churned"), from, to, RateCut.All);
        Assert.Equal(new Rate(1, 3), churn["all"]);
        var byOwner = RateCalculator.ChurnRate(subjects, ChurnDefinition.EnteringStage("churned"), from, to, RateCut.ByOwner);
        Assert.Equal((new Rate(1, 2), new Rate(0, 1)), (byOwner["ana"], byOwner["omar"]));
    }

    [Fact]
    public void Churn_by_a_multiple_of_the_usual_purchase_gap()
    {
        var from = T;
        var to = T.AddDays(60);
        var definition = ChurnDefinition.PurchaseGap(2);
        DateTimeOffset[] Every(int days, int count, int lastDaysBefore) => Enumerable.Range(0, count).Select(i => T.AddDays(-lastDaysBefore - days * (count - 1 - i))).ToArray();
        // A buys every 10 days, last 5 days before: lapses 15 days in (2 × 10 − 5).
        var a = new ChurnSubject("A", [], Every(10, 4, 5), RateContext.None);
        // B buys every 30 days and again 20 days in: stays.
        var b = new ChurnSubject("B", [], [.. Every(30, 3, 10), T.AddDays(20)], RateContext.None);
        // C has one purchase: no usual gap.
        var c = new ChurnSubject("C", [], [T.AddDays(-3)], RateContext.None);
        // D lapsed before the period: 3 × 10-day gap with the last 50 days before.
        var d = new ChurnSubject("D", [], Every(10, 3, 50), RateContext.None);
        // E buys every 20 days and keeps buying in the period, then stops; lapses at day 40 + 40 = 80 > 60: stays.
        var e = new ChurnSubject("E", [], [.. Every(20, 3, 0), T.AddDays(20), T.AddDays(40)], RateContext.None);
        Assert.Equal((true, false, null, null, false),
            (RateCalculator.Churn(a, definition, from, to), RateCalculator.Churn(b, definition, from, to), RateCalculator.Churn(c, definition, from, to),
             RateCalculator.Churn(d, definition, from, to), RateCalculator.Churn(e, definition, from, to)));
        Assert.Equal(new Rate(1, 3), RateCalculator.ChurnRate([a, b, c, d, e], definition, from, to, RateCut.All)["all"]);
    }

    [Fact]
    public void Churn_by_period_restarts_the_denominator_each_period()
    {
        var subjects = new[]
        {
            new ChurnSubject("A", [Change("A", null, "growing", T.AddDays(-100)), Change("A", "growing", "churned", new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero))], [], RateContext.None),
            new ChurnSubject("B", [Change("B", null, "growing", T.AddDays(-100)), Change("B", "growing", "churned", new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero))], [], RateContext.None),
        };
        var report = RateCalculator.ChurnRate(subjects, ChurnDefinition.EnteringStage("churned"),
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), RateCut.ByPeriod(RatePeriod.Month, Berlin));
        Assert.Equal(["2026-11", "2026-12"], report.Rows.Select(r => r.Key));
        Assert.Equal((new Rate(1, 2), new Rate(1, 1)), (report["2026-11"], report["2026-12"]));
        Assert.Throws<CrmValidationException>(() => ChurnDefinition.PurchaseGap(0));
        Assert.Throws<CrmValidationException>(() => ChurnDefinition.PurchaseGap(2, minimumPurchases: 1));
    }
}
