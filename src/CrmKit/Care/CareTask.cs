namespace CrmKit;

/// <summary>A care task: one contact to make with one customer on one channel for one occasion.</summary>
public sealed record CareTask
{
    /// <summary>The task's identifier.</summary>
    public long Id { get; init; }

    /// <summary>The customer to contact.</summary>
    public CustomerCode Customer { get; init; }

    /// <summary>The rule that proposed it.</summary>
    public string Rule { get; init; } = "";

    /// <summary>The occasion key: the rule's name and the occasion, such as <c>birthday:2026</c>.</summary>
    public string OccasionKey { get; init; } = "";

    /// <summary>The channel to use.</summary>
    public Channel Channel { get; init; }

    /// <summary>When it is due, after quiet hours.</summary>
    public DateTimeOffset Due { get; init; }

    /// <summary>When the rule proposed it to be due; later than <see cref="Due"/> never, earlier when quiet hours moved it.</summary>
    public DateTimeOffset ProposedDue { get; init; }

    /// <summary>How urgent it is.</summary>
    public TaskPriority Priority { get; init; }

    /// <summary>Who should do it, if anyone in particular.</summary>
    public string? Owner { get; init; }

    /// <summary>A note for the person doing it.</summary>
    public string? Note { get; init; }

    /// <summary>Where it is in its life.</summary>
    public CareTaskStatus Status { get; init; }

    /// <summary>When a sweep created it.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it left <see cref="CareTaskStatus.Open"/>, if it has.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why or how it was closed (the outcome, the decline reason, or what withdrew it).</summary>
    public string? Outcome { get; init; }

    /// <summary>Who closed it.</summary>
    public string? ClosedBy { get; init; }
}
