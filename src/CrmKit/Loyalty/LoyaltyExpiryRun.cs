namespace CrmKit.Loyalty;

/// <summary>What one run of <see cref="LoyaltyBook.ExpireDue"/> recorded. Immutable.</summary>
/// <param name="At">The instant expiries were recorded up to.</param>
/// <param name="Ledgers">How many customers' ledgers got expiry entries.</param>
/// <param name="Entries">How many expiry entries were recorded.</param>
/// <param name="Points">How many points expired in all.</param>
public sealed record LoyaltyExpiryRun(DateTimeOffset At, int Ledgers, int Entries, long Points);
