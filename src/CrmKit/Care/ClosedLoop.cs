using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// The closed loop, written once: when one channel's task for an occasion is done or declined, the
/// occasion's other open tasks stand down (withdrawn, with a suppression saying why). Completing a
/// task and merging two customers both end here.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>
    /// Withdraws every open task of <paramref name="group"/> other than <paramref name="closed"/>
    /// (which closed the occasion) and records a closed-loop suppression for each.
    /// <paramref name="mergedAway"/> is the merged code when a merge brought the two together.
    /// </summary>
    internal static async ValueTask StandDownAsync(ICareStore care, CareTask closed, IEnumerable<CareTask> group, string by,
        CustomerCode? mergedAway, DateTimeOffset now, CancellationToken ct)
    {
        var word = closed.ClosingWord;
        foreach (var open in group.Where(t => t.Status == CareTaskStatus.Open && t.Id != closed.Id && CareKeys.SameOccasion(t, closed)).ToArray())
        {
            var outcome = mergedAway is { } m ? $"{word} on {closed.Channel} before merging '{m}'" : $"{word} on {closed.Channel}";
            await care.UpdateAsync(open.Withdraw(outcome, by, now), null, ct).ConfigureAwait(false);
            var detail = $"task {open.Id} withdrawn{(mergedAway is null ? "" : " at merge")}: {word} on {closed.Channel} (task {closed.Id})";
            await care.PutSuppressionAsync(new CareSuppression(open.Customer, open.Rule, open.OccasionKey, open.Channel,
                SuppressionReason.ClosedLoop, detail, now), replace: true, ct).ConfigureAwait(false);
        }
    }
}
