namespace CrmKit;

/// <summary>
/// A case: a complaint, service request or inquiry that someone must resolve. It has a customer,
/// a category, a priority, an owner, two deadlines (first response and resolution, counted in
/// working time when it is opened), escalations, and a history in which every change is recorded.
/// Every operation returns a new case; an operation the lifecycle does not allow throws
/// <see cref="IllegalCaseTransitionException"/>. Immutable and safe to share between threads.
/// </summary>
public sealed record ServiceCase
{
    private ServiceCase() { }

    /// <summary>The case's id; 0 until it is stored.</summary>
    public long Id { get; private init; }

    /// <summary>The customer it is about.</summary>
    public CustomerCode Customer { get; private init; }

    /// <summary>Its category, such as <c>complaint</c>, <c>service-request</c> or <c>inquiry</c>.</summary>
    public string Category { get; private init; } = "";

    /// <summary>How urgent it is.</summary>
    public TaskPriority Priority { get; private init; }

    /// <summary>The customer's tier when it was opened (for example a value tier), which picked its deadlines; null if none.</summary>
    public string? Tier { get; private init; }

    /// <summary>What it is about, in a line.</summary>
    public string Subject { get; private init; } = "";

    /// <summary>The channel it came in on, used for the satisfaction follow-up.</summary>
    public Channel Channel { get; private init; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private init; }

    /// <summary>By when the first response is due.</summary>
    public DateTimeOffset FirstResponseDue { get; private init; }

    /// <summary>By when the resolution is due.</summary>
    public DateTimeOffset ResolutionDue { get; private init; }

    /// <summary>When the customer was first answered, if yet.</summary>
    public DateTimeOffset? FirstResponseAt { get; private init; }

    /// <summary>Who owns it now; null while open.</summary>
    public string? Owner { get; private init; }

    /// <summary>The level it has been escalated to, if any.</summary>
    public string? Level { get; private init; }

    /// <summary>Every change, oldest first; the first is the opening.</summary>
    public IReadOnlyList<CaseChange> History { get; private init; } = [];

    /// <summary>Every escalation, oldest first; at most one per deadline.</summary>
    public IReadOnlyList<CaseEscalation> Escalations { get; private init; } = [];

    /// <summary>Every resolution, oldest first; a reopened case keeps its earlier ones.</summary>
    public IReadOnlyList<CaseResolution> Resolutions { get; private init; } = [];

    /// <summary>Where it is now.</summary>
    public CaseStatus Status => History[^1].To;

    /// <summary>The current resolution, while resolved or closed; null otherwise.</summary>
    public CaseResolution? Resolution => Status is CaseStatus.Resolved or CaseStatus.Closed ? Resolutions[^1] : null;

    /// <summary>The statuses it may move to next.</summary>
    public IReadOnlyList<CaseStatus> AllowedNext => CaseLifecycle.Allowed(Status);

    /// <summary>True when <paramref name="deadline"/> has been escalated.</summary>
    public bool IsEscalated(CaseDeadline deadline) => Escalations.Any(e => e.Deadline == deadline);

    /// <summary>When <paramref name="deadline"/> is due.</summary>
    public DateTimeOffset DueOf(CaseDeadline deadline) => deadline == CaseDeadline.FirstResponse ? FirstResponseDue : ResolutionDue;

    /// <summary>Opens a case, its deadlines taken from <paramref name="policy"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="category">The category (lower-case identifier).</param>
    /// <param name="priority">The priority.</param>
    /// <param name="tier">The customer's tier (lower-case identifier), or null.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="channel">The channel it came in on.</param>
    /// <param name="at">When it was opened.</param>
    /// <param name="actor">Who opened it.</param>
    /// <param name="policy">The deadline policy.</param>
    /// <exception cref="CrmValidationException">A value is not acceptable, or no deadline rule matches.</exception>
    public static ServiceCase Open(CustomerCode customer, string category, TaskPriority priority, string? tier, string subject, Channel channel,
        DateTimeOffset at, string actor, CaseDeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (customer == default) throw new CrmValidationException("case.customer", "is required but was empty.");
        Require.Identifier(category, "case.category");
        if (!Enum.IsDefined(priority)) throw new CrmValidationException("case.priority", $"{(int)priority} is not a priority.");
        if (tier is not null) Require.Identifier(tier, "case.tier");
        if (channel == default) throw new CrmValidationException("case.channel", "is required but was empty.");
        var (firstResponse, resolution) = policy.DeadlinesFor(category, priority, tier, Require.Instant(at, "at"));
        return new ServiceCase
        {
            Customer = customer,
            Category = category,
            Priority = priority,
            Tier = tier,
            Subject = Require.Name(subject, "case.subject", Require.MaxTextLength),
            Channel = channel,
            OpenedAt = at,
            FirstResponseDue = firstResponse,
            ResolutionDue = resolution,
            History = [new(CaseChangeKind.Opened, null, CaseStatus.Open, null, null, at, Require.Name(actor, "actor"), null)],
        };
    }

    /// <summary>Gives an open case to <paramref name="owner"/>.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is not open.</exception>
    public ServiceCase Assign(string owner, string actor, DateTimeOffset at, string? note = null)
    {
        Require.Name(owner, "owner");
        return Status == CaseStatus.Open
            ? Record(CaseChangeKind.Assigned, CaseStatus.Assigned, owner, actor, at, note)
            : throw Illegal(CaseChangeKind.Assigned);
    }

    /// <summary>Moves the case to another owner, keeping its status.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is open (assign it instead), resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The new owner is the current one.</exception>
    public ServiceCase Transfer(string owner, string actor, DateTimeOffset at, string? note = null)
    {
        Require.Name(owner, "owner");
        if (Status == CaseStatus.Open || !CaseLifecycle.IsActive(Status)) throw Illegal(CaseChangeKind.Transferred);
        if (owner == Owner) throw new CrmValidationException("owner", $"'{owner}' already owns case {Id}.");
        return Record(CaseChangeKind.Transferred, Status, owner, actor, at, note);
    }

    /// <summary>Starts work on an assigned case, or resumes it after the customer answered.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is neither assigned nor waiting on the customer.</exception>
    public ServiceCase Start(string actor, DateTimeOffset at, string? note = null) => Status switch
    {
        CaseStatus.Assigned => Record(CaseChangeKind.Started, CaseStatus.InProgress, Owner, actor, at, note),
        CaseStatus.WaitingOnCustomer => Record(CaseChangeKind.Resumed, CaseStatus.InProgress, Owner, actor, at, note),
        _ => throw Illegal(CaseChangeKind.Started),
    };

    /// <summary>Records an answer to the customer (the first one meets or misses the first-response deadline); an assigned case moves to in progress.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is open, resolved or closed.</exception>
    public ServiceCase Respond(string actor, DateTimeOffset at, string? note = null)
    {
        if (Status == CaseStatus.Open || !CaseLifecycle.IsActive(Status)) throw Illegal(CaseChangeKind.Responded);
        return Record(CaseChangeKind.Responded, Status == CaseStatus.Assigned ? CaseStatus.InProgress : Status, Owner, actor, at, note) with
        {
            FirstResponseAt = FirstResponseAt ?? at,
        };
    }

    /// <summary>Sets the case waiting on the customer; asking the customer counts as a response.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is not assigned or in progress.</exception>
    public ServiceCase AwaitCustomer(string actor, DateTimeOffset at, string? note = null)
    {
        if (Status is not (CaseStatus.Assigned or CaseStatus.InProgress)) throw Illegal(CaseChangeKind.AwaitingCustomer);
        return Record(CaseChangeKind.AwaitingCustomer, CaseStatus.WaitingOnCustomer, Owner, actor, at, note) with { FirstResponseAt = FirstResponseAt ?? at };
    }

    /// <summary>Resolves the case with its root cause; resolving counts as a response when none was recorded.</summary>
    /// <param name="rootCause">The cause, a short lower-case code such as <c>billing-error</c>.</param>
    /// <param name="summary">What was done.</param>
    /// <param name="actor">Who resolved it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="IllegalCaseTransitionException">The case is open, resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The root cause or summary is not acceptable.</exception>
    public ServiceCase Resolve(string rootCause, string summary, string actor, DateTimeOffset at)
    {
        Require.Identifier(rootCause, "rootCause");
        Require.OptionalText(summary ?? throw new CrmValidationException("summary", "is required but was null."), "summary");
        if (!CaseLifecycle.IsAllowed(Status, CaseStatus.Resolved)) throw Illegal(CaseChangeKind.Resolved);
        return Record(CaseChangeKind.Resolved, CaseStatus.Resolved, Owner, actor, at, rootCause) with
        {
            FirstResponseAt = FirstResponseAt ?? at,
            Resolutions = [.. Resolutions, new CaseResolution(rootCause, summary, at, actor)],
        };
    }

    /// <summary>Closes a resolved case.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is not resolved.</exception>
    public ServiceCase Close(string actor, DateTimeOffset at, string? note = null) =>
        Status == CaseStatus.Resolved ? Record(CaseChangeKind.Closed, CaseStatus.Closed, Owner, actor, at, note) : throw Illegal(CaseChangeKind.Closed);

    /// <summary>Reopens a resolved or closed case; it goes back to its owner as assigned. Deadlines and escalations already recorded stay.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is still active.</exception>
    public ServiceCase Reopen(string actor, DateTimeOffset at, string reason) =>
        CaseLifecycle.IsActive(Status)
            ? throw Illegal(CaseChangeKind.Reopened)
            : Record(CaseChangeKind.Reopened, CaseStatus.Assigned, Owner, actor, at, Require.Name(reason, "reason", Require.MaxTextLength));

    /// <summary>Escalates a passed deadline to <paramref name="target"/>: the level is raised and, when the target names an owner, the case moves to them.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The deadline has not passed at <paramref name="at"/>, or was already escalated.</exception>
    public ServiceCase Escalate(CaseDeadline deadline, EscalationTarget target, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!CaseLifecycle.IsActive(Status)) throw Illegal(CaseChangeKind.Escalated);
        if (IsEscalated(deadline)) throw new CrmValidationException("deadline", $"case {Id}'s {Name(deadline)} deadline was already escalated.");
        var due = DueOf(deadline);
        if (at <= due) throw new CrmValidationException("at", $"{at:o} is not after case {Id}'s {Name(deadline)} deadline {due:o}.");
        var note = $"{Name(deadline)} deadline {due:o} passed; escalated to {target}";
        return Record(CaseChangeKind.Escalated, Status, target.Owner ?? Owner, actor, at, note) with
        {
            Level = target.Level ?? Level,
            Escalations = [.. Escalations, new CaseEscalation(deadline, due, at, target, actor)],
        };
    }

    /// <summary>Records a contact attempt on the active case, keeping its status and owner; an attempt that reached the customer counts as a response.</summary>
    /// <exception cref="IllegalCaseTransitionException">The case is resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The attempt is not about this case, or is earlier than the case's last change.</exception>
    public ServiceCase RecordAttempt(ContactAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Case != Id || attempt.Customer != Customer) throw new CrmValidationException("attempt.case", $"{attempt.Case} is not case {Id} of '{Customer}'.");
        if (!CaseLifecycle.IsActive(Status)) throw Illegal(CaseChangeKind.ContactAttempted);
        var changed = Record(CaseChangeKind.ContactAttempted, Status, Owner, attempt.Actor, attempt.At, $"{attempt.OutcomeText} on {attempt.Channel}");
        return attempt.Reached ? changed with { FirstResponseAt = FirstResponseAt ?? attempt.At } : changed;
    }

    /// <summary>
    /// Rebuilds a stored case, checking that its history opens the case, is contiguous in status and
    /// owner, follows the lifecycle and never goes back in time, and that each deadline escalated at most once.
    /// </summary>
    /// <exception cref="CrmValidationException">The parts do not make a valid case.</exception>
    internal static ServiceCase Restore(long id, CustomerCode customer, string category, TaskPriority priority, string? tier, string subject, Channel channel,
        DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, DateTimeOffset? firstResponseAt, string? level,
        IReadOnlyList<CaseChange> history, IReadOnlyList<CaseEscalation> escalations, IReadOnlyList<CaseResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(resolutions);
        if (history.Count == 0 || history[0].Kind != CaseChangeKind.Opened || history[0].From is not null || history[0].To != CaseStatus.Open)
            throw new CrmValidationException("case.history", $"of case {id} does not start with its opening.");
        for (var i = 1; i < history.Count; i++)
        {
            var (previous, change) = (history[i - 1], history[i]);
            var statusFollows = change.From == previous.To && (change.To == change.From || CaseLifecycle.IsAllowed(previous.To, change.To));
            if (!statusFollows || change.FromOwner != previous.ToOwner || change.At < previous.At)
                throw new CrmValidationException($"case.history[{i}]", $"of case {id} does not follow from {previous.To} at {previous.At:o}.");
        }
        if (escalations.GroupBy(e => e.Deadline).Any(g => g.Count() > 1))
            throw new CrmValidationException("case.escalations", $"of case {id} escalate a deadline more than once.");
        return new ServiceCase
        {
            Id = id,
            Customer = customer,
            Category = Require.Identifier(category, "case.category"),
            Priority = priority,
            Tier = tier,
            Subject = subject,
            Channel = channel,
            OpenedAt = history[0].At,
            FirstResponseDue = firstResponseDue,
            ResolutionDue = resolutionDue,
            FirstResponseAt = firstResponseAt,
            Owner = history[^1].ToOwner,
            Level = level,
            History = history.ToArray(),
            Escalations = escalations.ToArray(),
            Resolutions = resolutions.ToArray(),
        };
    }

    /// <summary>The case moved to <paramref name="survivor"/>, when its customer was merged into that one.</summary>
    internal ServiceCase MovedTo(CustomerCode survivor) => this with { Customer = survivor };

    /// <summary>The case with its personal text gone (subject, notes, resolution summaries), for an erasure; its dates, owners and causes stay for the figures.</summary>
    internal ServiceCase Erased() => this with
    {
        Subject = "(erased)",
        History = [.. History.Select(h => h with { Note = null })],
        Resolutions = [.. Resolutions.Select(r => r with { Summary = "(erased)" })],
    };

    /// <summary>The stored case with its id.</summary>
    internal ServiceCase WithId(long id) => id > 0 ? this with { Id = id } : throw new CrmValidationException("case.id", $"{id} is not positive.");

    private ServiceCase Record(CaseChangeKind kind, CaseStatus to, string? owner, string actor, DateTimeOffset at, string? note)
    {
        var last = History[^1];
        Require.Instant(at, "at");
        if (at < last.At) throw new CrmValidationException("at", $"{at:o} is before case {Id}'s last change at {last.At:o}.");
        Require.OptionalText(note, "note");
        return this with { Owner = owner, History = [.. History, new(kind, Status, to, Owner, owner, at, Require.Name(actor, "actor"), note)] };
    }

    private IllegalCaseTransitionException Illegal(CaseChangeKind kind) => new(Id, Status, kind, AllowedNext);

    private static string Name(CaseDeadline deadline) => deadline == CaseDeadline.FirstResponse ? "first-response" : "resolution";
}
