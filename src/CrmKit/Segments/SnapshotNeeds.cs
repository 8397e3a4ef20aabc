namespace CrmKit;

/// <summary>
/// What a segment predicate, care rule or stage rule reads of a customer beyond the profile, the
/// stats and the value figures, so that a refresh or sweep loads only that: the interactions that
/// carry metadata, memberships of other segments, the open care tasks. A rule that needs none of
/// them (<see cref="None"/>, the default) costs nothing more than before. Immutable.
/// </summary>
public sealed record SnapshotNeeds
{
    private static readonly IReadOnlySet<string> NoSegments = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Nothing beyond the profile, stats and value figures.</summary>
    public static SnapshotNeeds None { get; } = new();

    /// <summary>Everything: interactions with metadata of every kind, every membership, the open tasks.</summary>
    public static SnapshotNeeds Everything { get; } = new() { InteractionMetadata = true, AllSegments = true, OpenTasks = true };

    /// <summary>The interactions that carry metadata (<see cref="CustomerSnapshot.InteractionsWithMetadata"/>).</summary>
    public bool InteractionMetadata { get; init; }

    /// <summary>With <see cref="InteractionMetadata"/>, only interactions of these kinds are needed; null for every kind.</summary>
    public IReadOnlySet<InteractionKind>? MetadataKinds { get; init; }

    /// <summary>The segments whose membership is read, by name (<see cref="CustomerSnapshot.Segments"/>).</summary>
    public IReadOnlySet<string> Segments { get; init; } = NoSegments;

    /// <summary>Memberships of every segment are read (the names are not known in advance).</summary>
    public bool AllSegments { get; init; }

    /// <summary>The open care tasks (<see cref="CustomerSnapshot.OpenTasks"/>).</summary>
    public bool OpenTasks { get; init; }

    /// <summary>True when nothing beyond the profile, stats and value figures is needed.</summary>
    public bool IsNone => !InteractionMetadata && !AllSegments && Segments.Count == 0 && !OpenTasks;

    /// <summary>What either of two readers needs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public SnapshotNeeds Union(SnapshotNeeds other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsNone) return this;
        if (IsNone) return other;
        IReadOnlySet<InteractionKind>? kinds = null;
        if (InteractionMetadata && other.InteractionMetadata && MetadataKinds is { } mine && other.MetadataKinds is { } theirs)
            kinds = mine.Union(theirs).ToHashSet();
        else if (!other.InteractionMetadata) kinds = MetadataKinds;
        else if (!InteractionMetadata) kinds = other.MetadataKinds;
        return new SnapshotNeeds
        {
            InteractionMetadata = InteractionMetadata || other.InteractionMetadata,
            MetadataKinds = kinds,
            Segments = Segments.Union(other.Segments, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
            AllSegments = AllSegments || other.AllSegments,
            OpenTasks = OpenTasks || other.OpenTasks,
        };
    }

    /// <summary>What every one of <paramref name="readers"/> needs together.</summary>
    internal static SnapshotNeeds Of(IEnumerable<SnapshotNeeds> readers) => readers.Aggregate(None, (all, one) => all.Union(one ?? None));
}
