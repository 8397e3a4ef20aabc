using CrmKit.Loyalty;

namespace CrmKit.Storage;

/// <summary>
/// Loyalty: each customer's points ledger (<see cref="LedgerEntry"/>, appended in sequence order)
/// and the referrals that link referrers to referred customers, one per referred customer. Every
/// write to a customer's ledger marks the customer changed in the <see cref="IChangeFeed"/>.
/// </summary>
public interface ILoyaltyStore
{
    /// <summary>The ledger entries of exactly <paramref name="customer"/> (no alias resolution), in sequence order.</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> EntriesOfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>
    /// Appends entries, in the order given; each continues its customer's ledger (its sequence is one
    /// more than the customer's last stored one, or 1).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">An entry does not continue its ledger (another writer appended first); nothing was written.</exception>
    ValueTask AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole ledger of <paramref name="customer"/> with <paramref name="entries"/> (all
    /// of that customer, sequences from 1 without gaps); empty removes it. Only a merge (which
    /// rebuilds the survivor's ledger from both) and an erasure (which scrubs the notes) do this.
    /// </summary>
    /// <exception cref="ArgumentException">An entry belongs to another customer or the sequences do not run from 1 without gaps.</exception>
    ValueTask ReplaceAsync(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>The codes of the customers with at least one ledger entry, in ordinal order.</summary>
    ValueTask<IReadOnlyList<CustomerCode>> LedgerCustomersAsync(CancellationToken cancellationToken);

    /// <summary>Stores a referral; false, and nothing written, when the referred customer already has one.</summary>
    ValueTask<bool> AddReferralAsync(Referral referral, CancellationToken cancellationToken);

    /// <summary>The referral of exactly <paramref name="referred"/>, or null.</summary>
    ValueTask<Referral?> ReferralOfAsync(CustomerCode referred, CancellationToken cancellationToken);

    /// <summary>The referrals exactly <paramref name="referrer"/> made, by referred code (ordinal).</summary>
    ValueTask<IReadOnlyList<Referral>> ReferralsByAsync(CustomerCode referrer, CancellationToken cancellationToken);

    /// <summary>Every referral, by referred code (ordinal).</summary>
    ValueTask<IReadOnlyList<Referral>> AllReferralsAsync(CancellationToken cancellationToken);

    /// <summary>Removes the referral of exactly <paramref name="referred"/>; false when there was none.</summary>
    ValueTask<bool> RemoveReferralAsync(CustomerCode referred, CancellationToken cancellationToken);
}
