namespace CrmKit;

/// <summary>
/// What a customer said about being contacted on one channel, and when. An opt-out always wins:
/// care never uses a channel whose consent is not granted.
/// </summary>
/// <param name="Granted">True when the customer agreed to be contacted on the channel; false for an opt-out.</param>
/// <param name="At">When the customer said so.</param>
public sealed record Consent(bool Granted, DateTimeOffset At)
{
    /// <summary>Compares exactly, including the offset of <see cref="At"/>.</summary>
    public bool Equals(Consent? other) => other is not null && other.Granted == Granted && other.At.EqualsExact(At);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Granted, At.UtcTicks, At.Offset);
}
