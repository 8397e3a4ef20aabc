using CrmKit.Loyalty;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Loyalty;

public class PointsLedgerProperties
{
    /// <summary>Runs the steps; a refused redemption or adjustment must name the balance and leave the ledger as it was.</summary>
    private static (PointsLedger Ledger, bool RefusalsHeld) Run(PointsExpiry expiry, IEnumerable<LedgerStep> steps, bool expireBetween = false)
    {
        var ledger = PointsLedger.Empty("C0", expiry);
        var at = LoyaltyGenerators.Start;
        var held = true;
        var purchase = 0L;
        foreach (var step in steps)
        {
            at += step.Advance;
            if (expireBetween) ledger = ledger.ExpireDue(at - step.Advance / 2).Ledger;
            var before = ledger;
            try
            {
                ledger = step.Op switch
                {
                    "earn" => ledger.Earn(step.Points, at, PointsSource.Purchase(++purchase), "purchase-points", "loyalty").Ledger,
                    "grant" => ledger.Grant(step.Points, at, "gift", "ana").Ledger,
                    "redeem" => ledger.Redeem(step.Points, at, "reward", "ana").Ledger,
                    "adjust" => ledger.Adjust(step.Points, at, "fix", "ana").Ledger,
                    _ => ledger.ExpireDue(at).Ledger,
                };
            }
            catch (InsufficientPointsException e)
            {
                var available = before.BalanceAt(at);
                held &= e.Balance == available && e.Requested == Math.Abs(step.Points) && e.Requested > available
                    && ReferenceEquals(before, ledger) && e.Message.Contains($"{available} points", StringComparison.Ordinal);
            }
        }
        return (ledger, held);
    }

    [Property(MaxTest = 300)]
    public Property The_balance_equals_the_sum_of_the_entries_and_of_the_open_lots_and_is_never_negative() =>
        Prop.ForAll(LoyaltyGenerators.Expiry.ToArbitrary(), LoyaltyGenerators.Steps.ToArbitrary(), (expiry, steps) =>
        {
            var ledger = PointsLedger.Empty("C0", expiry);
            var at = LoyaltyGenerators.Start;
            var everOk = true;
            var purchase = 0L;
            foreach (var step in steps)
            {
                at += step.Advance;
                try
                {
                    ledger = step.Op switch
                    {
                        "earn" => ledger.Earn(step.Points, at, PointsSource.Purchase(++purchase), "purchase-points", "loyalty").Ledger,
                        "grant" => ledger.Grant(step.Points, at, "gift", "ana").Ledger,
                        "redeem" => ledger.Redeem(step.Points, at, "reward", "ana").Ledger,
                        "adjust" => ledger.Adjust(step.Points, at, "fix", "ana").Ledger,
                        _ => ledger.ExpireDue(at).Ledger,
                    };
                }
                catch (InsufficientPointsException)
                {
                }
                var running = 0L;
                var prefixesOk = ledger.Entries.All(e => (running += e.Points) >= 0);
                everOk &= prefixesOk && ledger.Balance >= 0 && ledger.Balance == ledger.Entries.Sum(e => e.Points) && ledger.Balance == ledger.Lots.Sum(l => l.Remaining);
            }
            return everOk.Label($"balance {ledger.Balance}; entries {string.Join(", ", ledger.Entries.Select(e => $"{e.Kind} {e.Points}"))}");
        });

    [Property(MaxTest = 200)]
    public Property A_refused_operation_names_the_balance_and_the_amount_and_changes_nothing() =>
        Prop.ForAll(LoyaltyGenerators.Expiry.ToArbitrary(), LoyaltyGenerators.Steps.ToArbitrary(), (expiry, steps) => Run(expiry, steps).RefusalsHeld);

    [Property(MaxTest = 200)]
    public Property Expiries_are_the_same_entries_however_often_the_ledger_was_brought_up_to_date() =>
        Prop.ForAll(LoyaltyGenerators.Expiry.ToArbitrary(), LoyaltyGenerators.Steps.ToArbitrary(), (expiry, steps) =>
        {
            var end = LoyaltyGenerators.Start + steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Advance) + TimeSpan.FromDays(800);
            var once = Run(expiry, steps).Ledger.ExpireDue(end).Ledger.Entries;
            var often = Run(expiry, steps, expireBetween: true).Ledger.ExpireDue(end).Ledger.Entries;
            return once.Select(Describe).SequenceEqual(often.Select(Describe));
        });

    [Property(MaxTest = 200)]
    public Property Each_expiry_takes_what_is_left_of_one_lot_at_the_instant_it_expires_and_spending_takes_the_oldest_first() =>
        Prop.ForAll(LoyaltyGenerators.Expiry.ToArbitrary(), LoyaltyGenerators.Steps.ToArbitrary(), (expiry, steps) =>
        {
            var ledger = Run(expiry, steps).Ledger;
            var bySequence = ledger.Entries.ToDictionary(e => e.Sequence);
            var expiriesAtTheirInstant = ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Expired)
                .All(e => expiry.ExpiresAt(bySequence[e.Source.Lot].At) is { } due && due.EqualsExact(e.At) && bySequence[e.Source.Lot].Points >= -e.Points);
            // First in, first out: the open lots are the newest earnings, all but the oldest of them untouched.
            var lots = ledger.Lots;
            var untouched = lots.Skip(1).All(l => l.Remaining == bySequence[l.Sequence].Points);
            var replayed = PointsLedger.Replay("C0", expiry, ledger.Entries);
            return (expiriesAtTheirInstant && untouched && replayed.Balance == ledger.Balance && replayed.Lots.SequenceEqual(ledger.Lots))
                .Label(string.Join(", ", ledger.Entries.Select(Describe)));
        });

    private static string Describe(LedgerEntry e) => $"{e.Sequence}:{e.Kind}:{e.Points}:{e.At:o}:{e.Source}";
}
