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

    /// <summary>The task closed by the customer's answer: done or declined, with the outcome, at <paramref name="at"/> by <paramref name="actor"/>.</summary>
    /// <exception cref="CrmValidationException">The task is not open, or <paramref name="status"/> is neither done nor declined.</exception>
    internal CareTask Close(CareTaskStatus status, string outcome, string actor, DateTimeOffset at)
    {
        if (status is not (CareTaskStatus.Done or CareTaskStatus.Declined))
            throw new CrmValidationException("status", $"{status} does not close a task; done or declined does.");
        return Leave(status, outcome, actor, at);
    }

    /// <summary>The open task expired by a sweep at <paramref name="at"/>.</summary>
    internal CareTask Expire(DateTimeOffset at) => Leave(CareTaskStatus.Expired, "expired", "sweep", at);

    /// <summary>The open task withdrawn (the closed loop, a merge) at <paramref name="at"/>, with why and by whom.</summary>
    internal CareTask Withdraw(string why, string by, DateTimeOffset at) => Leave(CareTaskStatus.Withdrawn, why, by, at);

    /// <summary>Who withdraws a task that a higher-priority one displaced under the frequency cap.</summary>
    internal const string DisplacedBy = "frequency-cap";

    /// <summary>The open task displaced under the frequency cap at <paramref name="at"/>, with why; its occasion may be proposed again later.</summary>
    internal CareTask Displace(string why, DateTimeOffset at) => Leave(CareTaskStatus.Withdrawn, why, DisplacedBy, at);

    /// <summary>True for a task displaced under the frequency cap: it does not hold its occasion, which a later sweep may propose again.</summary>
    internal bool IsDisplaced => Status == CareTaskStatus.Withdrawn && ClosedBy == DisplacedBy;

    /// <summary>The open task closed without reaching the customer (attempts spent, a wrong number), with why, at <paramref name="at"/>.</summary>
    internal CareTask GiveUp(string why, string actor, DateTimeOffset at) => Leave(CareTaskStatus.Unreachable, why, actor, at);

    /// <summary>True once a contact for the occasion was made or refused: the occasion is closed for every channel.</summary>
    internal bool ClosesOccasion => Status is CareTaskStatus.Done or CareTaskStatus.Declined;

    /// <summary>The word recorded for a closing status: <c>done</c> or <c>declined</c>.</summary>
    internal string ClosingWord => Status == CareTaskStatus.Done ? "done" : "declined";

    private CareTask Leave(CareTaskStatus status, string outcome, string actor, DateTimeOffset at)
    {
        if (Status != CareTaskStatus.Open)
            throw new CrmValidationException("task", $"{Id} is {Status.ToString().ToLowerInvariant()}, not open; only an open task can be closed.");
        return this with { Status = status, ClosedAt = at, Outcome = outcome, ClosedBy = actor };
    }
}
