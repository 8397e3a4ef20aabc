namespace CrmKit;

/// <summary>
/// The keys of care: the dedup key (one live task per customer, occasion key and channel) under
/// which stores keep tasks unique, and the occasion group (every channel's task for one customer's
/// occasion) that the closed loop stands down together.
/// </summary>
public static class CareKeys
{
    /// <summary>The dedup key of a task for <paramref name="customer"/>'s <paramref name="occasionKey"/> on <paramref name="channel"/>.</summary>
    public static string Dedup(CustomerCode customer, string occasionKey, Channel channel) =>
        $"{customer.Value}\u001f{occasionKey}\u001f{channel.Name}";

    /// <summary>The dedup key of <paramref name="task"/>.</summary>
    public static string Dedup(CareTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Dedup(task.Customer, task.OccasionKey, task.Channel);
    }

    /// <summary>
    /// The key a merged-away customer's task keeps when the survivor already has a task under its
    /// dedup key: the history stays, marked with the merged code, and never collides.
    /// </summary>
    public static string MergedDuplicate(CareTask moved, CustomerCode merged) => Dedup(moved) + "\u001fmerged-from\u001f" + merged.Value;

    /// <summary>
    /// The key a task displaced under the frequency cap is kept under: its history stays, and its dedup
    /// key is free again, so a later sweep may propose the occasion once more when there is room.
    /// </summary>
    /// <remarks>It is marked like a merged duplicate (marked <c>displaced-ID</c>), which every store keeps.</remarks>
    internal static string Displaced(CareTask task) =>
        MergedDuplicate(task, "displaced-" + task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The key a task is stored under: <see cref="Displaced"/> for a displaced task, its dedup key otherwise.</summary>
    internal static string Stored(CareTask task) => task.IsDisplaced ? Displaced(task) : Dedup(task);

    /// <summary>True when two tasks belong to the same occasion group (same customer and occasion key).</summary>
    public static bool SameOccasion(CareTask a, CareTask b) => a.Customer == b.Customer && a.OccasionKey == b.OccasionKey;
}
