namespace CrmKit;

/// <summary>The particulars of a contact attempt beyond its outcome; every one is optional. Immutable.</summary>
public sealed record AttemptDetails
{
    /// <summary>No particulars: the task's or case's channel, now, no callback, no note.</summary>
    public static AttemptDetails None { get; } = new();

    /// <summary>The channel actually used; the task's or case's channel when null.</summary>
    public Channel? Channel { get; init; }

    /// <summary>When the attempt was made, for attempts recorded afterwards; now when null. Never later than now.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>When the customer asked to be called back, for <see cref="AttemptOutcome.CallbackRequested"/>; after the attempt.</summary>
    public DateTimeOffset? CallbackAt { get; init; }

    /// <summary>A note by the person who made the attempt.</summary>
    public string? Note { get; init; }
}
