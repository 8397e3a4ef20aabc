using CrmKit.Storage;

namespace CrmKit.Loyalty;

/// <summary>
/// The ledgers one write works on: each customer's is read from the store once and replayed, the
/// write's operations update it here, and <see cref="SaveAsync"/> appends every entry they added.
/// </summary>
internal sealed class Ledgers(IStoreSession store, PointsExpiry expiry, string location)
{
    private readonly Dictionary<CustomerCode, PointsLedger> _ledgers = [];
    private readonly List<LedgerEntry> _added = [];

    /// <summary>The ledger of a stored code, as this write has it so far.</summary>
    internal async ValueTask<PointsLedger> OfAsync(CustomerCode customer, CancellationToken ct)
    {
        if (_ledgers.TryGetValue(customer, out var known)) return known;
        var entries = await store.Loyalty.EntriesOfAsync(customer, ct).ConfigureAwait(false);
        return _ledgers[customer] = Replay(customer, entries, expiry, location);
    }

    /// <summary>The ledger of a code already read by <see cref="OfAsync"/>.</summary>
    internal PointsLedger Loaded(CustomerCode customer) => _ledgers[customer];

    /// <summary>Takes an operation's result: the ledger after it, and the entries it added.</summary>
    internal void Apply(LedgerUpdate update)
    {
        _ledgers[update.Ledger.Customer] = update.Ledger;
        _added.AddRange(update.Added);
    }

    /// <summary>Appends every entry added in this write, in the order they were added.</summary>
    internal async ValueTask<IReadOnlyList<LedgerEntry>> SaveAsync(CancellationToken ct)
    {
        if (_added.Count > 0) await store.Loyalty.AppendAsync(_added, ct).ConfigureAwait(false);
        return _added;
    }

    /// <summary>Rebuilds a stored ledger, reporting a damaged one as a storage failure.</summary>
    internal static PointsLedger Replay(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, PointsExpiry expiry, string location)
    {
        try
        {
            return PointsLedger.Replay(customer, expiry, entries);
        }
        catch (CrmValidationException e)
        {
            throw new CrmStorageException(location, $"the stored points ledger of '{customer}' does not add up: {e.Message}", e);
        }
    }

    /// <summary>The instant an operation is recorded at: now, or the ledger's last entry when the clock is behind it, so entries stay in time order.</summary>
    internal static DateTimeOffset At(DateTimeOffset now, params IEnumerable<PointsLedger> ledgers)
    {
        var at = now;
        foreach (var ledger in ledgers)
            if (ledger.LastAt is { } last && last > at) at = last;
        return at;
    }
}
