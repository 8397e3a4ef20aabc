namespace CrmKit;

/// <summary>
/// One care action a rule proposes for a customer. The sweep turns it into a <see cref="CareTask"/>
/// unless the contact policy suppresses it. Immutable.
/// </summary>
/// <param name="Occasion">
/// What the action is for, unique per occurrence: <c>2026</c> for this year's birthday,
/// <c>2026-05-01</c> for a service due that day. The rule's name and the occasion make the
/// occasion key; a sweep never creates a second task for the same key and channel.
/// </param>
/// <param name="Due">When the action is due; quiet hours may move it later.</param>
/// <param name="Channel">The channel to use.</param>
/// <param name="Priority">How urgent it is.</param>
public sealed record CareAction(string Occasion, DateTimeOffset Due, Channel Channel, TaskPriority Priority = TaskPriority.Normal)
{
    /// <summary>Who should do it; null means the customer's owner.</summary>
    public string? Owner { get; init; }

    /// <summary>A short note for the person doing it.</summary>
    public string? Note { get; init; }

    internal void Check(string rule)
    {
        Require.Name(Occasion, $"{rule}.occasion");
        Require.Instant(Due, $"{rule}.due");
        if (Channel == default) throw new CrmValidationException($"{rule}.channel", "is required but was empty.");
        if (!Enum.IsDefined(Priority)) throw new CrmValidationException($"{rule}.priority", $"{(int)Priority} is not a priority.");
        Require.OptionalName(Owner, $"{rule}.owner");
        Require.OptionalText(Note, $"{rule}.note");
    }
}
