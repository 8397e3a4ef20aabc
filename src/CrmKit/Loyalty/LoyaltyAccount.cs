namespace CrmKit.Loyalty;

/// <summary>A customer's loyalty account at one instant. Immutable.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Balance">The points the customer holds: the sum of <paramref name="Entries"/>, never negative.</param>
/// <param name="Tier">The membership tier held, or null (no tiers in the programme, or below the first).</param>
/// <param name="Entries">The ledger in sequence order: the stored entries, then the expiries that have fallen due since (recorded by the next write to the ledger).</param>
/// <param name="TierHistory">Every move between tiers, oldest first, derived from the entries.</param>
public sealed record LoyaltyAccount(CustomerCode Customer, long Balance, MembershipTier? Tier, IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<TierChange> TierHistory);
