namespace CrmKit.Loyalty;

/// <summary>Where a ledger entry's points came from or went to.</summary>
public enum PointsSourceKind
{
    /// <summary>A purchase interaction; the reference is the interaction's id.</summary>
    Purchase,

    /// <summary>A referral that converted; the reference is the referred customer's code.</summary>
    Referral,

    /// <summary>A grant or correction by hand; the reference is the reason given.</summary>
    Manual,

    /// <summary>An occasion a custom earn rule names (a birthday bonus, a campaign); the reference is its key.</summary>
    Occasion,

    /// <summary>A reward the points were spent on; the reference is the reward.</summary>
    Redemption,

    /// <summary>The end of an earned lot's validity; the reference is the sequence number of the entry that earned it.</summary>
    Expiry,
}
