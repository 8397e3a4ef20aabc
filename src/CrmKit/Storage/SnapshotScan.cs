namespace CrmKit.Storage;

/// <summary>
/// What a snapshot scan (<see cref="ICustomerStore.ScanAsync"/>) reads: every customer, or only
/// the given codes, as <see cref="CustomerSnapshot"/>s with their stats and value figures, in
/// chunks of at most <see cref="ChunkSize"/>.
/// </summary>
public sealed record SnapshotScan
{
    /// <summary>The chunk size used when none is given.</summary>
    public const int DefaultChunkSize = 512;

    /// <summary>Only these stored codes (no alias resolution; codes without a customer are skipped); every customer when null.</summary>
    public IReadOnlyCollection<CustomerCode>? Codes { get; init; }

    /// <summary>The most snapshots in one chunk (1 or more).</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>A hint that the store may read with more than one thread; chunks then come in no particular order.</summary>
    public bool Parallel { get; init; }

    /// <summary>
    /// A hint: the caller only needs customers that may match this built-in filter. A store that can
    /// evaluate it where the data lives (a server store) may leave out customers it proves do not
    /// match; a store that cannot returns them all. The caller evaluates the filter either way.
    /// </summary>
    public SegmentFilter? Filter { get; init; }

    /// <summary>
    /// The instant the caller evaluates <see cref="Filter"/> at. With it, a store may decide the
    /// recency clauses too (whole days since the last purchase, as <see cref="SegmentClause"/> counts
    /// them); without it, it leaves them to the caller.
    /// </summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Every customer, in chunks.</summary>
    public static SnapshotScan All(bool parallel = false) => new() { Parallel = parallel };

    /// <summary>Only the customers stored under <paramref name="codes"/>.</summary>
    public static SnapshotScan Only(IReadOnlyCollection<CustomerCode> codes) => new() { Codes = codes };
}
