namespace CrmKit.Loyalty;

/// <summary>What a ledger entry records. The sign of <see cref="LedgerEntry.Points"/> follows from it.</summary>
public enum LedgerEntryKind
{
    /// <summary>Points earned by a rule or granted by hand; positive.</summary>
    Earned,

    /// <summary>Points spent on a reward; negative.</summary>
    Redeemed,

    /// <summary>Earned points that reached the end of their validity unspent; negative.</summary>
    Expired,

    /// <summary>A correction by hand, either way; never zero.</summary>
    Adjusted,
}
