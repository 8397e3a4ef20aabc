using CrmKit.Storage;
using LiteDB;

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
    internal static void Move(LiteStore store, CustomerCode survivor, CustomerCode merged, DateTimeOffset now)
    {
        foreach (var doc in store.CareTasks.Find(Query.EQ("c", merged.Value)).ToList())
        {
            var task = CareDocument.FromBson(doc) with { Customer = survivor };
            var moved = CareDocument.ToBson(task);
            if (store.CareTasks.FindOne(Query.EQ("k", moved["k"])) is not null)
            {
                moved["k"] = moved["k"].AsString + "\u001fmerged-from\u001f" + merged.Value;
                if (task.Status == CareTaskStatus.Open)
                {
                    moved["st"] = (int)CareTaskStatus.Withdrawn;
                    moved["xAt"] = Bson.Instant(now);
                    moved["out"] = $"duplicate of the survivor's task after merging '{merged}'";
                    moved["by"] = "merge";
                }
            }
            store.CareTasks.Update(moved);
        }
        // The closed loop across the merge: an occasion one side completed or declined stands down the other's open tasks.
        var tasks = store.CareTasks.Find(Query.EQ("c", survivor.Value)).Select(CareDocument.FromBson).ToList();
        foreach (var group in tasks.GroupBy(t => t.OccasionKey))
        {
            if (group.FirstOrDefault(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined) is not { } closed) continue;
            foreach (var open in group.Where(t => t.Status == CareTaskStatus.Open))
            {
                var word = closed.Status == CareTaskStatus.Done ? "done" : "declined";
                var doc = store.CareTasks.FindById(open.Id);
                doc["st"] = (int)CareTaskStatus.Withdrawn;
                doc["xAt"] = Bson.Instant(now);
                doc["out"] = $"{word} on {closed.Channel} before merging '{merged}'";
                doc["by"] = "merge";
                store.CareTasks.Update(doc);
                store.CareSuppressions.Upsert(CareDocument.ToBson(new CareSuppression(survivor, open.Rule, open.OccasionKey, open.Channel,
                    SuppressionReason.ClosedLoop, $"task {open.Id} withdrawn at merge: {word} on {closed.Channel} (task {closed.Id})", now)));
            }
        }
        foreach (var doc in store.CareSuppressions.Find(Query.EQ("c", merged.Value)).ToList())
        {
            store.CareSuppressions.Delete(doc["_id"]);
            var moved = CareDocument.ToBson(CareDocument.ToSuppression(doc) with { Customer = survivor });
            if (store.CareSuppressions.FindById(moved["_id"]) is null) store.CareSuppressions.Insert(moved);
        }
    }
}
