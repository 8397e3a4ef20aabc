using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Adds to a chunk of snapshots what its readers need beyond the profile, stats and value figures
/// (<see cref="SnapshotNeeds"/>), with one look-up per kind of data for the whole chunk. A chunk
/// whose readers need nothing more is handed back as it is, so rules that read only the profile
/// pay nothing.
/// </summary>
internal static class SnapshotCompletion
{
    internal static async ValueTask<IReadOnlyList<CustomerSnapshot>> CompleteAsync(IStoreSession store, IReadOnlyList<CustomerSnapshot> chunk, SnapshotNeeds needs,
        CancellationToken ct)
    {
        if (needs.IsNone || chunk.Count == 0) return chunk;
        var codes = new CustomerCode[chunk.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = chunk[i].Customer.Code;
        var interactions = needs.InteractionMetadata ? await store.Interactions.OfManyAsync(codes, ct).ConfigureAwait(false) : null;
        var memberships = needs.AllSegments || needs.Segments.Count > 0 ? await store.Segments.OfManyAsync(codes, ct).ConfigureAwait(false) : null;
        var tasks = needs.OpenTasks ? await store.Care.OpenOfManyAsync(codes, ct).ConfigureAwait(false) : null;
        var completed = new CustomerSnapshot[chunk.Count];
        for (var i = 0; i < completed.Length; i++)
        {
            var snapshot = chunk[i];
            var code = codes[i];
            completed[i] = snapshot with
            {
                InteractionsWithMetadata = interactions is null ? snapshot.InteractionsWithMetadata : Annotated(interactions.GetValueOrDefault(code) ?? [], needs.MetadataKinds),
                Segments = memberships is null ? snapshot.Segments : Named(memberships.GetValueOrDefault(code), needs),
                OpenTasks = tasks is null ? snapshot.OpenTasks : tasks.GetValueOrDefault(code) ?? [],
            };
        }
        return completed;
    }

    /// <summary>One snapshot completed for <paramref name="needs"/>.</summary>
    internal static async ValueTask<CustomerSnapshot> CompleteAsync(IStoreSession store, CustomerSnapshot snapshot, SnapshotNeeds needs, CancellationToken ct) =>
        (await CompleteAsync(store, [snapshot], needs, ct).ConfigureAwait(false))[0];

    private static Interaction[] Annotated(IReadOnlyList<Interaction> log, IReadOnlySet<InteractionKind>? kinds) =>
        [.. log.Where(i => i.Metadata.Count > 0 && (kinds is null || kinds.Contains(i.Kind))).OrderBy(i => i.OccurredAt.UtcTicks).ThenBy(i => i.Id)];

    private static HashSet<string> Named(IReadOnlyList<SegmentMembership>? memberships, SnapshotNeeds needs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in memberships ?? [])
            if (needs.AllSegments || needs.Segments.Contains(m.Segment)) names.Add(m.Segment);
        return names;
    }
}
