namespace CrmKit.Loyalty;

/// <summary>A membership tier: its name and the points it starts at. Immutable, valid once constructed.</summary>
public sealed record MembershipTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="name">Lower-case name, for example <c>gold</c>.</param>
    /// <param name="from">The points (in the policy's <see cref="TierBasis"/>) from which a customer qualifies; at least 1.</param>
    /// <exception cref="CrmValidationException">The name is not a lower-case identifier, or <paramref name="from"/> is out of range.</exception>
    public MembershipTier(string name, long from)
    {
        Name = Require.Identifier(name, "name");
        From = from is >= 1 and <= LedgerEntry.MaxPoints
            ? from
            : throw new CrmValidationException("from", $"{from} is not between 1 and {LedgerEntry.MaxPoints}; below the first tier a customer has no tier.");
    }

    /// <summary>The tier's name.</summary>
    public string Name { get; }

    /// <summary>The points from which a customer qualifies.</summary>
    public long From { get; }
}
