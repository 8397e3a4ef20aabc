using CrmKit.Loyalty;

namespace CrmKit.Storage;

/// <summary>The checks every store makes on ledger writes, so all stores refuse the same things.</summary>
public static class LedgerChecks
{
    /// <summary>
    /// Checks that <paramref name="entries"/> continue the ledgers whose last stored sequence
    /// <paramref name="lastOf"/> gives (0 for an empty ledger).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">An entry does not continue its ledger.</exception>
    public static void Continues(IReadOnlyList<LedgerEntry> entries, Func<CustomerCode, long> lastOf)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(lastOf);
        var last = new Dictionary<CustomerCode, long>();
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            var stored = last.TryGetValue(entry.Customer, out var known) ? known : lastOf(entry.Customer);
            if (entry.Sequence != stored + 1)
                throw new ConcurrencyConflictException("The points ledger", entry.Customer, (int)Math.Min(entry.Sequence - 1, int.MaxValue), (int)Math.Min(stored, int.MaxValue));
            last[entry.Customer] = entry.Sequence;
        }
    }

    /// <summary>Checks that <paramref name="entries"/> are a whole ledger of <paramref name="customer"/>.</summary>
    /// <exception cref="ArgumentException">An entry belongs to another customer or the sequences do not run from 1 without gaps.</exception>
    public static void Whole(CustomerCode customer, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Customer != customer) throw new ArgumentException($"Entry {i} belongs to '{entries[i].Customer}', not '{customer}'.", nameof(entries));
            if (entries[i].Sequence != i + 1) throw new ArgumentException($"Entry {i} has sequence {entries[i].Sequence}; a whole ledger runs from 1 without gaps.", nameof(entries));
        }
    }
}
