using CrmKit.Loyalty;

namespace CrmKit.Tests.Loyalty;

public class PointsLedgerTests
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static PointsLedger Empty(PointsExpiry? expiry = null) => PointsLedger.Empty("C0", expiry ?? PointsExpiry.Never);

    [Fact]
    public void Earning_redeeming_and_adjusting_are_recorded_as_entries_whose_sum_is_the_balance()
    {
        var ledger = Empty()
            .Earn(300, Jan1, PointsSource.Purchase(7), "purchase-points", "loyalty").Ledger
            .Grant(50, Jan1.AddDays(1), "welcome gift", "ana").Ledger
            .Redeem(200, Jan1.AddDays(2), "car wash", "ana").Ledger
            .Adjust(-20, Jan1.AddDays(3), "double-counted visit", "ana").Ledger;

        Assert.Equal(130, ledger.Balance);
        Assert.Equal(ledger.Balance, ledger.Entries.Sum(e => e.Points));
        Assert.Equal([1L, 2, 3, 4], ledger.Entries.Select(e => e.Sequence));
        Assert.Equal([LedgerEntryKind.Earned, LedgerEntryKind.Earned, LedgerEntryKind.Redeemed, LedgerEntryKind.Adjusted], ledger.Entries.Select(e => e.Kind));
        Assert.Equal(["purchase:7", "manual:welcome gift", "redemption:car wash", "manual:double-counted visit"], ledger.Entries.Select(e => e.Source.ToString()));
        Assert.Equal("purchase-points", ledger.Entries[0].Rule);
        Assert.Null(ledger.Entries[1].Rule);
    }

    [Fact]
    public void Redeeming_more_than_the_balance_is_refused_naming_the_balance_and_the_amount()
    {
        var ledger = Empty().Grant(120, Jan1, "opening balance", "ana").Ledger;

        var error = Assert.Throws<InsufficientPointsException>(() => ledger.Redeem(500, Jan1.AddDays(1), "weekend trip", "ana"));

        Assert.Equal((new CustomerCode("C0"), 120L, 500L), (error.Customer, error.Balance, error.Requested));
        Assert.Equal("Customer 'C0' has a balance of 120 points; taking 500 points would make it negative.", error.Message);
        Assert.Equal(120, ledger.Balance);
        Assert.Single(ledger.Entries);
    }

    [Fact]
    public void The_oldest_points_are_spent_first_so_what_expires_is_what_is_left_of_the_oldest_lot()
    {
        var year = PointsExpiry.After(TimeSpan.FromDays(365));
        var ledger = Empty(year)
            .Grant(100, Jan1, "january", "ana").Ledger
            .Grant(50, Jan1.AddMonths(1), "february", "ana").Ledger
            .Redeem(120, Jan1.AddMonths(2), "service voucher", "ana").Ledger;

        // January's 100 and 20 of February's 50 are spent; 30 of February's remain.
        Assert.Equal([(2L, 30L)], ledger.Lots.Select(l => (l.Sequence, l.Remaining)));
        var due = ledger.ExpireDue(Jan1.AddYears(2));
        var expired = Assert.Single(due.Added);
        Assert.Equal((LedgerEntryKind.Expired, -30L, "expiry:2"), (expired.Kind, expired.Points, expired.Source.ToString()));
        Assert.True(expired.At.EqualsExact(Jan1.AddMonths(1).AddDays(365)));
        Assert.Equal(0, due.Ledger.Balance);
    }

    [Fact]
    public void Expiries_are_recorded_at_the_instant_the_lot_expired_whenever_the_ledger_is_brought_up_to_date()
    {
        var ledger = Empty(PointsExpiry.AfterMonths(12)).Grant(80, Jan1, "january", "ana").Ledger;
        var late = ledger.Redeem(1, Jan1.AddMonths(11), "keyring", "ana").Ledger;

        var error = Assert.Throws<InsufficientPointsException>(() => late.Redeem(10, Jan1.AddMonths(13), "mug", "ana"));
        Assert.Equal(0, error.Balance);

        var expired = late.ExpireDue(Jan1.AddMonths(13)).Added.Single();
        Assert.True(expired.At.EqualsExact(Jan1.AddMonths(12)));
        Assert.Equal(-79, expired.Points);
        Assert.Equal(79, late.BalanceAt(Jan1.AddMonths(12).AddTicks(-1)));
        Assert.Equal(0, late.BalanceAt(Jan1.AddMonths(12)));
    }

    [Fact]
    public void Months_are_counted_in_the_offset_the_points_were_earned_in()
    {
        var earned = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.FromHours(8)), PointsExpiry.AfterMonths(1).ExpiresAt(earned));
        Assert.Null(PointsExpiry.Never.ExpiresAt(earned));
        Assert.Null(PointsExpiry.AfterMonths(1200).ExpiresAt(earned.AddYears(101)));
        Assert.Equal(earned.AddYears(100), PointsExpiry.AfterMonths(1200).ExpiresAt(earned));
    }

    [Fact]
    public void A_rule_credits_each_source_once()
    {
        var once = Empty().Earn(40, Jan1, PointsSource.Purchase(9), "purchase-points", "loyalty").Ledger;
        var again = once.Earn(40, Jan1.AddHours(1), PointsSource.Purchase(9), "purchase-points", "loyalty");
        var otherRule = once.Earn(40, Jan1.AddHours(1), PointsSource.Purchase(9), "double-points", "loyalty");

        Assert.True(again.AlreadyCredited);
        Assert.Empty(again.Added);
        Assert.Equal(40, again.Ledger.Balance);
        Assert.Equal(80, otherRule.Ledger.Balance);
    }

    [Fact]
    public void Entries_are_appended_in_time_order()
    {
        var ledger = Empty().Grant(10, Jan1, "x", "ana").Ledger;
        var error = Assert.Throws<CrmValidationException>(() => ledger.Redeem(5, Jan1.AddTicks(-1), "y", "ana"));
        Assert.Equal("at", error.Field);
    }

    [Fact]
    public void A_replay_of_the_entries_rebuilds_the_ledger_and_refuses_entries_that_do_not_add_up()
    {
        var ledger = Empty(PointsExpiry.After(TimeSpan.FromDays(30)))
            .Grant(100, Jan1, "a", "ana").Ledger
            .Redeem(30, Jan1.AddDays(10), "b", "ana").Ledger
            .Grant(5, Jan1.AddDays(40), "c", "ana").Ledger;

        var replayed = PointsLedger.Replay("C0", ledger.Expiry, ledger.Entries);
        Assert.Equal(ledger.Balance, replayed.Balance);
        Assert.Equal(ledger.Lots, replayed.Lots);

        var overdrawn = new LedgerEntry("C0", 1, LedgerEntryKind.Redeemed, -1, Jan1, PointsSource.Redemption("pen"), "ana");
        Assert.Contains("balance of 0 points", Assert.Throws<CrmValidationException>(() => PointsLedger.Replay("C0", PointsExpiry.Never, [overdrawn])).Message);
        var gap = new LedgerEntry("C0", 2, LedgerEntryKind.Earned, 1, Jan1, PointsSource.Manual("gift"), "ana");
        Assert.Equal("sequence", Assert.Throws<CrmValidationException>(() => PointsLedger.Replay("C0", PointsExpiry.Never, [gap])).Field);
    }

    [Theory]
    [InlineData(LedgerEntryKind.Earned, -5)]
    [InlineData(LedgerEntryKind.Redeemed, 5)]
    [InlineData(LedgerEntryKind.Expired, 5)]
    [InlineData(LedgerEntryKind.Adjusted, 0)]
    public void An_entry_whose_sign_does_not_fit_its_kind_is_refused(LedgerEntryKind kind, long points)
    {
        var source = kind switch
        {
            LedgerEntryKind.Redeemed => PointsSource.Redemption("pen"),
            LedgerEntryKind.Expired => PointsSource.Expiry(1),
            _ => PointsSource.Manual("fix"),
        };
        var error = Assert.Throws<CrmValidationException>(() => new LedgerEntry("C0", 2, kind, points, Jan1, source, "ana"));
        Assert.Equal("points", error.Field);
    }

    [Fact]
    public void An_entry_checks_its_source_and_rule()
    {
        Assert.Equal("source", Assert.Throws<CrmValidationException>(() => new LedgerEntry("C0", 1, LedgerEntryKind.Redeemed, -5, Jan1, PointsSource.Manual("x"), "ana")).Field);
        Assert.Equal("rule", Assert.Throws<CrmValidationException>(() => new LedgerEntry("C0", 1, LedgerEntryKind.Earned, 5, Jan1, PointsSource.Purchase(3), "ana")).Field);
        Assert.Equal("rule", Assert.Throws<CrmValidationException>(() => new LedgerEntry("C0", 1, LedgerEntryKind.Earned, 5, Jan1, PointsSource.Manual("x"), "ana", rule: "purchase-points")).Field);
        Assert.Equal("source", Assert.Throws<CrmValidationException>(() => new LedgerEntry("C0", 1, LedgerEntryKind.Expired, -5, Jan1, PointsSource.Expiry(1), "ana")).Field);
        Assert.Equal("interactionId", Assert.Throws<CrmValidationException>(() => PointsSource.Purchase(0)).Field);
        Assert.Equal("period", Assert.Throws<CrmValidationException>(() => PointsExpiry.After(TimeSpan.Zero)).Field);
    }
}
