namespace CrmKit;

/// <summary>
/// One attempt to contact a customer for a care task or a case, on the channel actually used
/// (which may differ from the task's). Recorded once, never changed; it becomes an interaction of
/// kind <c>contact-attempt</c> through <see cref="ToInteraction"/>. Immutable.
/// </summary>
public sealed record ContactAttempt
{
    /// <summary>The interaction kind attempts are recorded as.</summary>
    public static InteractionKind Kind { get; } = new("contact-attempt");

    /// <summary>Creates an attempt.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="task">The care task's id; null for an attempt on a case.</param>
    /// <param name="caseId">The case's id; null for an attempt on a care task.</param>
    /// <param name="channel">The channel actually used.</param>
    /// <param name="at">When the attempt was made.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="actor">Who made it.</param>
    /// <exception cref="CrmValidationException">Neither or both of task and case are given, or a value is not acceptable.</exception>
    public ContactAttempt(CustomerCode customer, long? task, long? caseId, Channel channel, DateTimeOffset at, AttemptOutcome outcome, string actor)
    {
        if (customer == default) throw new CrmValidationException("attempt.customer", "is required but was empty.");
        if ((task is null) == (caseId is null)) throw new CrmValidationException("attempt.task", "an attempt belongs to exactly one care task or case.");
        if (task <= 0 || caseId <= 0) throw new CrmValidationException(task is null ? "attempt.case" : "attempt.task", $"{task ?? caseId} is not a stored id.");
        if (channel == default) throw new CrmValidationException("attempt.channel", "is required but was empty.");
        if (!Enum.IsDefined(outcome)) throw new CrmValidationException("attempt.outcome", $"{(int)outcome} is not an outcome.");
        Customer = customer;
        Task = task;
        Case = caseId;
        Channel = channel;
        At = Require.Instant(at, "attempt.at");
        Outcome = outcome;
        Actor = Require.Name(actor, "attempt.actor");
    }

    /// <summary>The attempt's id in the store; 0 until it is stored.</summary>
    public long Id { get; init; }

    /// <summary>The customer.</summary>
    public CustomerCode Customer { get; init; }

    /// <summary>The care task's id, or null.</summary>
    public long? Task { get; }

    /// <summary>The case's id, or null.</summary>
    public long? Case { get; }

    /// <summary>The channel actually used.</summary>
    public Channel Channel { get; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; }

    /// <summary>How it ended.</summary>
    public AttemptOutcome Outcome { get; }

    /// <summary>Who made it.</summary>
    public string Actor { get; }

    /// <summary>When the customer asked to be called back, for <see cref="AttemptOutcome.CallbackRequested"/>; must be after <see cref="At"/>.</summary>
    public DateTimeOffset? CallbackAt
    {
        get;
        init => field = value is null || Require.Instant(value.Value, "attempt.callbackAt") > At
            ? value
            : throw new CrmValidationException("attempt.callbackAt", $"{value:o} is not after the attempt at {At:o}.");
    }

    /// <summary>A note by the person who made it.</summary>
    public string? Note { get; init => field = Require.OptionalText(value, "attempt.note"); }

    /// <summary>True when the customer was reached.</summary>
    public bool Reached => Outcome == AttemptOutcome.Reached;

    /// <summary>The outcome <paramref name="text"/> names (as <see cref="OutcomeText"/> writes it), or null.</summary>
    public static AttemptOutcome? ParseOutcome(string? text) => text switch
    {
        "reached" => AttemptOutcome.Reached,
        "no-answer" => AttemptOutcome.NoAnswer,
        "busy" => AttemptOutcome.Busy,
        "wrong-number" => AttemptOutcome.WrongNumber,
        "callback-requested" => AttemptOutcome.CallbackRequested,
        _ => null,
    };

    /// <summary>The outcome as the lower-case text interactions carry: <c>reached</c>, <c>no-answer</c>, <c>busy</c>, <c>wrong-number</c>, <c>callback-requested</c>.</summary>
    public string OutcomeText => Outcome switch
    {
        AttemptOutcome.Reached => "reached",
        AttemptOutcome.NoAnswer => "no-answer",
        AttemptOutcome.Busy => "busy",
        AttemptOutcome.WrongNumber => "wrong-number",
        _ => "callback-requested",
    };

    /// <summary>The attempt as an interaction on the channel actually used, with the task or case in its metadata.</summary>
    public Interaction ToInteraction() => new(Customer, Kind, Channel, At)
    {
        Outcome = OutcomeText,
        Staff = Actor,
        Notes = Note,
        Metadata = Task is { } task
            ? new Dictionary<string, string> { ["task"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new Dictionary<string, string> { ["case"] = Case!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
