namespace CrmKit;

/// <summary>Which queue items <see cref="QueueBook.Open"/> lists: every condition given must hold. Immutable.</summary>
public sealed record QueueQuery
{
    /// <summary>Every open task and active case.</summary>
    public static QueueQuery All { get; } = new();

    /// <summary>Only tasks or only cases; both when null.</summary>
    public WorkItemKind? Kind { get; init; }

    /// <summary>Only items on this channel.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Only items this owner holds.</summary>
    public string? Owner { get; init; }

    /// <summary>Only items nobody holds yet (waiting to be claimed).</summary>
    public bool Unowned { get; init; }

    /// <summary>Only items held by members of this team.</summary>
    public string? Team { get; init; }

    /// <summary>Only items due before this instant.</summary>
    public DateTimeOffset? DueBefore { get; init; }
}
