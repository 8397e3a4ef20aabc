using CrmKit.Loyalty;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Loyalty;

public class TierProperties
{
    [Property(MaxTest = 200)]
    public Property Tier_history_is_contiguous_in_time_order_and_ends_no_lower_than_the_points_qualify_for() =>
        Prop.ForAll(LoyaltyGenerators.TierPolicy.ToArbitrary(), LoyaltyGenerators.Expiry.ToArbitrary(), LoyaltyGenerators.Steps.ToArbitrary(), (policy, expiry, steps) =>
        {
            var ledger = PointsLedger.Empty("C0", expiry);
            var at = LoyaltyGenerators.Start;
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
            }
            var until = at.AddDays(30);
            var entries = ledger.ExpireDue(until).Ledger.Entries;
            var history = TierTimeline.History("C0", entries, policy, until);
            var starts = history.Count == 0 || history[0].From is null;
            var contiguous = history.Zip(history.Skip(1)).All(p => p.Second.From == p.First.To);
            var ordered = history.Zip(history.Skip(1)).All(p => p.Second.At >= p.First.At);
            var moves = history.All(h => h.From != h.To);
            var points = policy.Basis switch
            {
                TierBasis.Balance => entries.Sum(e => e.Points),
                TierBasis.EarnedLifetime => entries.Where(e => e.Kind == LedgerEntryKind.Earned).Sum(e => e.Points),
                _ => entries.Where(e => e.Kind == LedgerEntryKind.Earned && e.At > until - policy.Window!.Value).Sum(e => e.Points),
            };
            var final = history.Count == 0 ? null : history[^1].To;
            var rankFinal = final is null ? 0 : policy.Tiers.ToList().FindIndex(t => t.Name == final) + 1;
            var qualifies = policy.For(points);
            var rankNow = qualifies is null ? 0 : policy.Tiers.ToList().FindIndex(t => t.Name == qualifies.Name) + 1;
            var graceOk = policy.DowngradeGrace == TimeSpan.Zero ? rankFinal == rankNow : rankFinal >= rankNow;
            var rebuilt = TierTimeline.History("C0", entries, policy, until).SequenceEqual(history);
            return (starts && contiguous && ordered && moves && graceOk && rebuilt)
                .Label($"{policy.Basis} grace {policy.DowngradeGrace.TotalDays}: {points} points; {string.Join(" > ", history.Select(h => $"{h.To}@{h.At:yyyy-MM-dd}"))}");
        });
}
