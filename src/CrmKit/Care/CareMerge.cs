using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Moves a merged-away customer's care tasks and suppressions to the survivor inside the merge's
/// write, so the survivor's caps, dedup keys and closed loop see them and nothing is lost.
/// </summary>
internal static class CareMerge
{
    /// <summary>
    /// Re-keys every task of <paramref name="merged"/> to <paramref name="survivor"/>. When the survivor
    /// already has a task for the same occasion key and channel, the moved one keeps its history
    /// under a key marked with the merged code, and is withdrawn if it was still open. Open tasks for
    /// an occasion either side already completed or declined are withdrawn (the closed loop).
    /// </summary>
    internal static async ValueTask MoveAsync(ICareStore care, CustomerCode survivor, CustomerCode merged, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var task in await care.OfAsync(merged, ct).ConfigureAwait(false))
        {
            var moved = task with { Customer = survivor };
            var key = CareKeys.Stored(moved);
            if (await care.KeyTakenAsync(key, ct).ConfigureAwait(false))
            {
                key = CareKeys.MergedDuplicate(moved, merged);
                if (moved.Status == CareTaskStatus.Open)
                    moved = moved.Withdraw($"duplicate of the survivor's task after merging '{merged}'", "merge", now);
            }
            await care.UpdateAsync(moved, key, ct).ConfigureAwait(false);
        }
        // The closed loop across the merge: an occasion one side completed or declined stands down the other's open tasks.
        var tasks = await care.OfAsync(survivor, ct).ConfigureAwait(false);
        foreach (var group in tasks.GroupBy(t => t.OccasionKey))
        {
            if (group.FirstOrDefault(t => t.ClosesOccasion) is not { } closed) continue;
            await ClosedLoop.StandDownAsync(care, closed, group, "merge", merged, now, ct).ConfigureAwait(false);
        }
        var suppressions = await care.SuppressionsOfAsync(merged, ct).ConfigureAwait(false);
        await care.RemoveSuppressionsOfAsync(merged, ct).ConfigureAwait(false);
        foreach (var s in suppressions) await care.PutSuppressionAsync(s with { Customer = survivor }, replace: false, ct).ConfigureAwait(false);
    }
}
