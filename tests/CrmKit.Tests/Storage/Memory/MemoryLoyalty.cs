using CrmKit.Loyalty;
using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryLoyalty(MemorySession session) : ILoyaltyStore
{
    public ValueTask<IReadOnlyList<LedgerEntry>> EntriesOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<LedgerEntry>>(session.State.Ledgers.GetValueOrDefault(customer.Value) ?? []);
    }

    public ValueTask AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        LedgerChecks.Continues(entries, c => session.State.Ledgers.GetValueOrDefault(c.Value)?.Length ?? 0);
        foreach (var entry in entries)
        {
            session.State.Ledgers[entry.Customer.Value] = [.. session.State.Ledgers.GetValueOrDefault(entry.Customer.Value) ?? [], entry];
            session.Touch(entry.Customer.Value);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ReplaceAsync(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        LedgerChecks.Whole(customer, entries);
        if (entries.Count == 0) session.State.Ledgers.Remove(customer.Value);
        else session.State.Ledgers[customer.Value] = [.. entries];
        session.Touch(customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CustomerCode>> LedgerCustomersAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CustomerCode>>([.. session.State.Ledgers.Keys.Order(StringComparer.Ordinal).Select(c => new CustomerCode(c))]);
    }

    public ValueTask<bool> AddReferralAsync(Referral referral, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Referrals.TryAdd(referral.Referred.Value, referral));
    }

    public ValueTask<Referral?> ReferralOfAsync(CustomerCode referred, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(session.State.Referrals.GetValueOrDefault(referred.Value));
    }

    public ValueTask<IReadOnlyList<Referral>> ReferralsByAsync(CustomerCode referrer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<Referral>>([.. session.State.Referrals.Values.Where(r => r.Referrer == referrer)]);
    }

    public ValueTask<IReadOnlyList<Referral>> AllReferralsAsync(CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<Referral>>([.. session.State.Referrals.Values]);
    }

    public ValueTask<bool> RemoveReferralAsync(CustomerCode referred, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(session.State.Referrals.Remove(referred.Value));
    }
}
