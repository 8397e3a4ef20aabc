using System.Globalization;

namespace CrmKit.Loyalty;

/// <summary>
/// A customer's tier history, derived from their ledger entries: the points in the policy's
/// basis form a step function of time, and the policy's rules turn it into moves up and down at
/// the instants they take effect. Derived rather than stored, so it is the same however often a
/// sweep looked, and can always be rebuilt from the ledger.
/// </summary>
internal static class TierTimeline
{
    /// <summary>
    /// The tier changes up to and including <paramref name="until"/>. Pass entries that include the
    /// expiries due by then (<see cref="PointsLedger.ExpireDue"/>) for the balance basis.
    /// </summary>
    internal static IReadOnlyList<TierChange> History(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, TierPolicy policy, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(policy);
        var changes = new List<TierChange>();
        MembershipTier? current = null;
        DateTimeOffset? belowSince = null;
        long value = 0;
        var grace = policy.DowngradeGrace;
        foreach (var (at, points) in Steps(entries, policy, until))
        {
            if (belowSince is { } before && before + grace < at) Down(before + grace);
            value = points;
            var qualifies = policy.For(value);
            var rank = policy.Rank(qualifies);
            if (rank > policy.Rank(current))
            {
                changes.Add(new TierChange(customer, current?.Name, qualifies!.Name, at, value,
                    string.Create(CultureInfo.InvariantCulture, $"{value} points reach {qualifies.Name} (from {qualifies.From})")));
                current = qualifies;
                belowSince = null;
            }
            else if (rank < policy.Rank(current))
            {
                belowSince ??= at;
                if (belowSince.Value + grace <= at) Down(belowSince.Value + grace);
            }
            else
            {
                belowSince = null;
            }
        }
        if (belowSince is { } last && last + grace <= until) Down(last + grace);
        return changes;

        void Down(DateTimeOffset at)
        {
            var to = policy.For(value);
            var reason = grace == TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"{value} points, below {current!.Name} (from {current.From})")
                : string.Create(CultureInfo.InvariantCulture, $"{value} points, below {current!.Name} (from {current.From}) since {belowSince:o}, longer than the grace of {grace.TotalDays:0.##} days");
            changes.Add(new TierChange(customer, current.Name, to?.Name, at, value, reason));
            current = to;
            belowSince = null;
        }
    }

    /// <summary>The tier held after the last change of <paramref name="history"/>, or null.</summary>
    internal static string? TierAt(IReadOnlyList<TierChange> history) => history.Count == 0 ? null : history[^1].To;

    /// <summary>The basis value after each instant it changes, in time order, up to <paramref name="until"/>.</summary>
    private static IEnumerable<(DateTimeOffset At, long Points)> Steps(IReadOnlyList<LedgerEntry> entries, TierPolicy policy, DateTimeOffset until)
    {
        var deltas = new List<(DateTimeOffset At, long Delta)>();
        foreach (var e in entries)
        {
            switch (policy.Basis)
            {
                case TierBasis.Balance:
                    deltas.Add((e.At, e.Points));
                    break;
                case TierBasis.EarnedLifetime when e.Kind == LedgerEntryKind.Earned:
                    deltas.Add((e.At, e.Points));
                    break;
                case TierBasis.EarnedInWindow when e.Kind == LedgerEntryKind.Earned:
                    deltas.Add((e.At, e.Points));
                    if (Require.LatestInstant - e.At > policy.Window!.Value) deltas.Add((e.At + policy.Window.Value, -e.Points));
                    break;
            }
        }
        long running = 0;
        foreach (var group in deltas.Where(d => d.At <= until).GroupBy(d => d.At.UtcTicks).OrderBy(g => g.Key))
        {
            running += group.Sum(d => d.Delta);
            yield return (group.First().At, running);
        }
    }
}
