using System.Text.Json;
using CrmKit.Loyalty;
using CrmKit.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// Loyalty on the store under test: ledger entries and referrals are stored and read back whole,
/// points are earned in the same write as the purchase that earns them, the balance never goes
/// below zero and is always the sum of the entries, and merges, exports and erasures carry the
/// ledger and the referrals along.
/// </summary>
public abstract class LoyaltyContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly LoyaltyProgram Program = new(
        [EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)],
        PointsExpiry.AfterMonths(12),
        new TierPolicy([new MembershipTier("silver", 1_000), new MembershipTier("gold", 3_000)], TierBasis.EarnedLifetime));

    private TestDatabase OpenWithProgram() => Open(o => o with { Loyalty = Program });

    private static Interaction Purchase(string code, DateTimeOffset at, decimal amount) => new(code, InteractionKind.Purchase, Channel.Store, at) { Amount = amount };

    [Fact]
    public void A_purchase_earns_its_points_in_the_same_write_and_the_entries_read_back_whole()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(1);
        var bought = db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow().AddDays(-1), 1_999.99m));
        db.Clock.Advance(TimeSpan.FromHours(2));
        db.Crm.Loyalty.Grant("C0", 30, "goodwill", "desk.li", "晚到的车 🚗");
        db.Clock.Advance(TimeSpan.FromHours(2));
        db.Crm.Loyalty.Redeem("C0", 25, "car-wash", "desk.li");
        db.Reopen();

        var account = db.Crm.Loyalty.Account("C0");
        Assert.Equal([19L, 30, -25], account.Entries.Select(e => e.Points));
        var earned = account.Entries[0];
        Assert.Equal((LedgerEntryKind.Earned, "purchase-points", LoyaltyActor, PointsSource.Purchase(bought.Id)), (earned.Kind, earned.Rule, earned.Actor, earned.Source));
        Assert.Equal(bought.RecordedAt, earned.At);
        var granted = account.Entries[1];
        Assert.Equal(("晚到的车 🚗", PointsSource.Manual("goodwill"), (string?)null), (granted.Note, granted.Source, granted.Rule));
        Assert.Equal(PointsSource.Redemption("car-wash"), account.Entries[2].Source);
        Assert.Equal(24, account.Balance);
        Assert.Equal([1L, 2, 3], account.Entries.Select(e => e.Sequence));
    }

    private const string LoyaltyActor = "loyalty";

    [Fact]
    public void A_redemption_above_the_balance_is_refused_and_writes_nothing()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(1);
        db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 500m));
        var before = db.Crm.Loyalty.Account("C0").Entries;

        var refused = Assert.Throws<InsufficientPointsException>(() => db.Crm.Loyalty.Redeem("C0", 6, "mug", "desk"));
        Assert.Equal((5L, 6L), (refused.Balance, refused.Requested));
        Assert.Throws<InsufficientPointsException>(() => db.Crm.Loyalty.Adjust("C0", -6, "correction", "desk"));
        Assert.Equal(before, db.Crm.Loyalty.Account("C0").Entries);
    }

    [Fact]
    public void An_entry_that_does_not_continue_its_ledger_is_refused_by_the_store_and_nothing_is_written()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(1);
        db.Crm.Loyalty.Grant("C0", 10, "welcome", "desk");
        var at = db.Clock.GetUtcNow();
        var stale = new LedgerEntry("C0", 1, LedgerEntryKind.Earned, 5, at, PointsSource.Manual("twice"), "desk");
        var next = new LedgerEntry("C0", 2, LedgerEntryKind.Earned, 5, at, PointsSource.Manual("next"), "desk");
        Assert.Throws<ConcurrencyConflictException>(() =>
            db.Crm.Store.WriteAsync(async (s, ct) => { await s.Loyalty.AppendAsync([next, stale], ct); return 0; }, default).AsTask().GetAwaiter().GetResult());
        Assert.Equal([10L], db.Crm.Loyalty.Account("C0").Entries.Select(e => e.Points));
    }

    [Fact]
    public void A_rule_that_fails_fails_the_recording_and_neither_the_interaction_nor_any_points_are_written()
    {
        using var db = Open(o => o with { Loyalty = new LoyaltyProgram([EarnRules.PerAmount(1m), new FailingRule()]) });
        db.SeedCustomers(1);

        Assert.Throws<InvalidOperationException>(() => db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 100m)));

        Assert.Equal(0, db.Crm.Interactions.Count());
        Assert.Empty(db.Crm.Loyalty.Account("C0").Entries);
    }

    private sealed class FailingRule : IEarnRule
    {
        public string Name => "failing";

        public IEnumerable<PointsAward> Award(EarnContext context) => throw new InvalidOperationException("the rule broke");
    }

    [Fact]
    public void A_referral_credits_the_referrer_once_when_the_referred_customer_first_buys_and_conversion_is_reported()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(4);
        db.Crm.Loyalty.Refer("C0", "C1", staff: "sales.li");
        db.Crm.Loyalty.Refer("C0", "C2", staff: "sales.wu");
        db.Crm.Loyalty.Refer("C3", "C0");
        Assert.Equal(0, db.Crm.Loyalty.Balance("C0"));

        db.Clock.Advance(TimeSpan.FromDays(1));
        db.Crm.Interactions.Record(Purchase("C1", db.Clock.GetUtcNow(), 1_000m));
        db.Crm.Interactions.Record(Purchase("C1", db.Clock.GetUtcNow(), 2_000m));
        db.Reopen();

        var bonus = Assert.Single(db.Crm.Loyalty.Account("C0").Entries);
        Assert.Equal((500L, PointsSource.Referral("C1"), "referral-bonus"), (bonus.Points, bonus.Source, bonus.Rule));
        Assert.Equal([10L, 20], db.Crm.Loyalty.Account("C1").Entries.Select(e => e.Points));
        Assert.Equal([new ReferralConversion("C0", 2, 1), new ReferralConversion("C3", 1, 0)], db.Crm.Loyalty.ConversionByReferrer());
        Assert.Equal([new ReferralConversion("sales.li", 1, 1), new ReferralConversion("sales.wu", 1, 0)], db.Crm.Loyalty.ConversionByStaff());
        Assert.Equal(["C1", "C2"], db.Crm.Loyalty.ReferralsBy("C0").Select(r => r.Referred.Value));
        Assert.Equal(new CustomerCode("C3"), db.Crm.Loyalty.ReferralOf("C0")!.Referrer);
    }

    [Fact]
    public void A_customer_is_referred_once_never_by_themself_and_never_in_a_circle()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(3);
        db.Crm.Loyalty.Refer("C0", "C1");
        db.Crm.Loyalty.Refer("C1", "C2");

        Assert.Equal("referred", Assert.Throws<CrmValidationException>(() => db.Crm.Loyalty.Refer("C2", "C1")).Field);
        Assert.Equal("referred", Assert.Throws<CrmValidationException>(() => db.Crm.Loyalty.Refer("C2", "C0")).Field);
        Assert.Equal("referred", Assert.Throws<CrmValidationException>(() => db.Crm.Loyalty.Refer("C2", "C2")).Field);
        Assert.Throws<CustomerNotFoundException>(() => db.Crm.Loyalty.Refer("C0", "C9"));
        Assert.Equal(2, db.Crm.Loyalty.ConversionByReferrer().Sum(c => c.Referrals));
    }

    [Fact]
    public void A_referral_entered_after_the_referred_customer_bought_credits_the_referrer_at_once_and_only_the_referrer()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(2);
        var bought = db.Clock.GetUtcNow();
        db.Clock.Advance(TimeSpan.FromDays(2));
        db.Crm.Interactions.Record(Purchase("C1", bought, 700m));
        var buyer = db.Crm.Loyalty.Account("C1").Entries;

        db.Crm.Loyalty.Refer("C0", "C1", at: bought.AddDays(-1));

        Assert.Equal(500, db.Crm.Loyalty.Balance("C0"));
        Assert.Equal(buyer, db.Crm.Loyalty.Account("C1").Entries);
    }

    [Fact]
    public void Expiries_are_recorded_at_the_end_of_each_lots_validity_and_a_second_run_records_nothing()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(2);
        var start = db.Clock.GetUtcNow();
        db.Crm.Interactions.Record(Purchase("C0", start, 1_200m));
        db.Clock.Advance(TimeSpan.FromDays(200));
        db.Crm.Loyalty.Grant("C1", 40, "welcome", "desk");
        db.Clock.Advance(TimeSpan.FromDays(200));

        var run = db.Crm.Loyalty.ExpireDue();
        Assert.Equal((1, 1, 12L), (run.Ledgers, run.Entries, run.Points));
        var expiry = db.Crm.Loyalty.Account("C0").Entries[^1];
        Assert.Equal((LedgerEntryKind.Expired, -12L, start.AddMonths(12)), (expiry.Kind, expiry.Points, expiry.At));
        Assert.Equal(0, db.Crm.Loyalty.Balance("C0"));
        Assert.Equal(0, db.Crm.Loyalty.ExpireDue().Entries);
        Assert.Throws<CrmValidationException>(() => db.Crm.Loyalty.ExpireDue(db.Clock.GetUtcNow().AddDays(1)));
    }

    [Fact]
    public void Tiers_come_from_the_points_earned_with_their_history()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(1);
        db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 150_000m));
        db.Clock.Advance(TimeSpan.FromDays(10));
        db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 200_000m));
        db.Crm.Loyalty.Redeem("C0", 3_000, "weekend", "desk");

        var account = db.Crm.Loyalty.Account("C0");
        Assert.Equal("gold", account.Tier?.Name);
        Assert.Equal([(null, "silver"), ("silver", "gold")], account.TierHistory.Select(c => (c.From, c.To)));
        Assert.Equal(500, account.Balance);
    }

    [Fact]
    public void A_merge_moves_the_ledger_and_the_referrals_to_the_survivor_and_the_balance_is_still_the_sum()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(4);
        db.Crm.Loyalty.Refer("C2", "C1", staff: "sales.li");
        db.Crm.Loyalty.Refer("C1", "C3");
        db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 1_000m));
        db.Clock.Advance(TimeSpan.FromHours(1));
        db.Crm.Interactions.Record(Purchase("C1", db.Clock.GetUtcNow(), 2_000m));
        db.Clock.Advance(TimeSpan.FromHours(1));
        db.Crm.Loyalty.Redeem("C1", 15, "mug", "desk");
        var together = db.Crm.Loyalty.Balance("C0") + db.Crm.Loyalty.Balance("C1");

        db.Crm.Customers.Merge("C0", "C1", "tester", "same phone");
        db.Reopen();

        var survivor = db.Crm.Loyalty.Account("C0");
        Assert.Equal(together, survivor.Balance);
        Assert.Equal(survivor.Entries.Sum(e => e.Points), survivor.Balance);
        Assert.Equal([10L, 20, -15], survivor.Entries.Select(e => e.Points));
        Assert.Equal(Enumerable.Range(1, 3).Select(i => (long)i), survivor.Entries.Select(e => e.Sequence));
        Assert.All(survivor.Entries, e => Assert.Equal(new CustomerCode("C0"), e.Customer));
        Assert.Equal(new CustomerCode("C2"), db.Crm.Loyalty.ReferralOf("C0")!.Referrer);
        Assert.Equal(["C3"], db.Crm.Loyalty.ReferralsBy("C0").Select(r => r.Referred.Value));
        Assert.Equal(new CustomerCode("C0"), db.Crm.Loyalty.ReferralOf("C3")!.Referrer);
    }

    [Fact]
    public void The_export_lists_the_ledger_and_the_referrals_and_an_erasure_scrubs_the_notes_but_keeps_the_points()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(2);
        db.Crm.Loyalty.Refer("C1", "C0", staff: "sales.li");
        db.Crm.Loyalty.Grant("C0", 40, "apology", "desk", "Mr Li waited two hours");

        using (var export = JsonDocument.Parse(db.Crm.PersonalData.Export("C0")))
        {
            var entry = Assert.Single(export.RootElement.GetProperty("pointsLedger").EnumerateArray());
            Assert.Equal((40, "Mr Li waited two hours"), (entry.GetProperty("points").GetInt64(), entry.GetProperty("note").GetString()));
            var referral = Assert.Single(export.RootElement.GetProperty("referrals").EnumerateArray());
            Assert.Equal(("C1", "C0", "sales.li"), (referral.GetProperty("referrer").GetString(), referral.GetProperty("referred").GetString(), referral.GetProperty("staff").GetString()));
        }

        db.Crm.PersonalData.Erase("C0", "dpo", "request");

        var erased = Assert.Single(db.Crm.Loyalty.Account("C0").Entries);
        Assert.Equal((40L, (string?)null), (erased.Points, erased.Note));
    }

    [Fact]
    public async Task The_programme_is_stored_so_a_database_opened_without_it_earns_the_same()
    {
        using var db = OpenWithProgram();
        db.SeedCustomers(1);
        db.Reopen();

        var text = await db.Crm.Store.ReadAsync((s, ct) => s.Configuration.ReadAsync(ct), default);
        var stored = ConfigurationDocument.Read(text!, "the store").Loyalty;
        Assert.Equal(RuleSettingsJson.Text(Program), RuleSettingsJson.Text(stored));
        Assert.Equal([0.01m], stored!.Rules.OfType<PurchasePointsRule>().Select(r => r.PointsPerUnit));
        db.Crm.Interactions.Record(Purchase("C0", db.Clock.GetUtcNow(), 321m));
        Assert.Equal(3, db.Crm.Loyalty.Balance("C0"));
    }

    /// <summary>One operation on a ledger: an earning purchase, a grant, a redemption, a negative adjustment, or time passing.</summary>
    private sealed record Step(int Kind, int Customer, long Points, int Days);

    private static readonly Gen<Step[]> Steps =
        (from kind in Gen.Choose(0, 4)
         from customer in Gen.Choose(0, 2)
         from points in Gen.Choose(1, 400)
         from days in Gen.Choose(0, 200)
         select new Step(kind, customer, points, days)).ArrayOf().Where(a => a.Length is > 0 and <= 14);

    [Property(MaxTest = 12)]
    public Property The_balance_never_goes_below_zero_and_always_equals_the_sum_of_the_entries() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            using var db = OpenWithProgram();
            db.SeedCustomers(3);
            var refused = 0;
            foreach (var step in steps)
            {
                var code = $"C{step.Customer}";
                try
                {
                    switch (step.Kind)
                    {
                        case 0: db.Crm.Interactions.Record(Purchase(code, db.Clock.GetUtcNow(), step.Points * 100m)); break;
                        case 1: db.Crm.Loyalty.Grant(code, step.Points, "grant", "desk"); break;
                        case 2: db.Crm.Loyalty.Redeem(code, step.Points, "reward", "desk"); break;
                        case 3: db.Crm.Loyalty.Adjust(code, -step.Points, "correction", "desk"); break;
                        default: db.Clock.Advance(TimeSpan.FromDays(step.Days)); break;
                    }
                }
                catch (InsufficientPointsException)
                {
                    refused++;
                }
                if (step.Kind == 4 && step.Customer == 0) db.Crm.Loyalty.ExpireDue();
            }
            var accounts = Enumerable.Range(0, 3).Select(i => db.Crm.Loyalty.Account($"C{i}")).ToArray();
            var stored = Enumerable.Range(0, 3).Select(i => db.Crm.Store.ReadAsync((s, ct) => s.Loyalty.EntriesOfAsync($"C{i}", ct), default).AsTask().GetAwaiter().GetResult()).ToArray();
            var ok = accounts.All(a => a.Balance >= 0 && a.Balance == a.Entries.Sum(e => e.Points))
                && stored.All(entries => RunningSums(entries).All(sum => sum >= 0));
            return ok.Label($"balances {string.Join(", ", accounts.Select(a => a.Balance))}; {refused} refused");
        });

    private static IEnumerable<long> RunningSums(IReadOnlyList<LedgerEntry> entries)
    {
        long sum = 0;
        foreach (var e in entries) yield return sum += e.Points;
    }
}
