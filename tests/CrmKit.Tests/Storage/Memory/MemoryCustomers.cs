using System.Runtime.CompilerServices;
using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

internal sealed class MemoryCustomers(MemorySession session) : ICustomerStore
{
    private MemoryState State => session.State;

    public ValueTask<CustomerCode> ResolveAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Aliases.TryGetValue(code.Value, out var survivor) ? new CustomerCode(survivor) : code);
    }

    public ValueTask<CustomerRecord?> FindAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Customers.TryGetValue(code.Value, out var s) ? new CustomerRecord(s.Customer, s.Stats) : null);
    }

    public ValueTask<CustomerSnapshot?> SnapshotAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Customers.TryGetValue(code.Value, out var s) ? Snapshot(s) : null);
    }

    private CustomerSnapshot Snapshot(StoredCustomer s) =>
        new(s.Customer, s.Stats) { Value = State.Values.GetValueOrDefault(s.Customer.Code.Value) };

    public ValueTask InsertAsync(Customer customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var code = customer.Code.Value;
        if (State.Customers.ContainsKey(code) || State.Aliases.ContainsKey(code)) throw new DuplicateCustomerException(customer.Code);
        State.Customers[code] = new StoredCustomer(customer, CustomerStats.Empty, session.Next);
        session.Touch(code);
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateAsync(Customer customer, int expectedVersion, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var code = customer.Code.Value;
        if (!State.Customers.TryGetValue(code, out var stored)) throw new CustomerNotFoundException(customer.Code);
        if (stored.Customer.Version != expectedVersion) throw new ConcurrencyConflictException(customer.Code, expectedVersion, stored.Customer.Version);
        State.Customers[code] = stored with { Customer = customer };
        session.Touch(code);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetStatsAsync(CustomerCode code, CustomerStats stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (!State.Customers.TryGetValue(code.Value, out var stored)) throw new CustomerNotFoundException(code);
        State.Customers[code.Value] = stored with { Stats = stats };
        session.Touch(code.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask MergeAwayAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var merged = merge.Merged.Value;
        State.Customers.Remove(merged);
        foreach (var (alias, survivor) in State.Aliases.ToArray())
        {
            if (survivor == merged) State.Aliases[alias] = merge.Survivor.Value;
        }
        State.Aliases[merged] = merge.Survivor.Value;
        State.Merges.Add(merge);
        session.Touch(merged);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CustomerCode>> AliasesOfAsync(CustomerCode survivor, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<CustomerCode>>(State.Aliases.Where(a => a.Value == survivor.Value)
            .Select(a => a.Key).Order(StringComparer.Ordinal).Select(c => new CustomerCode(c)).ToArray());
    }

    public ValueTask<Page<Customer>> QueryAsync(CustomerQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        session.Check();
        var all = Select(query).Skip(page.Offset).Take(page.Size + 1).ToArray();
        return ValueTask.FromResult(new Page<Customer>(all.Take(page.Size).ToArray(), page.Offset, all.Length > page.Size));
    }

    public ValueTask<int> CountAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(Select(query).Count());
    }

    private IEnumerable<Customer> Select(CustomerQuery query) =>
        State.Customers.Values.Select(s => s.Customer).Where(c => query.Kind switch
        {
            CustomerQueryKind.All => true,
            CustomerQueryKind.Tag => c.Tags.Contains(query.Value, StringComparer.Ordinal),
            CustomerQueryKind.Stage => c.Stage.Name == query.Value,
            CustomerQueryKind.Owner => c.Owner == query.Value,
            CustomerQueryKind.AttributeKey => AttributeIndex.Keys(c).Contains(query.Value, StringComparer.Ordinal),
            CustomerQueryKind.Graded => c.Grade is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        }).OrderBy(c => c.Code.Value, StringComparer.Ordinal);

    public async IAsyncEnumerable<IReadOnlyList<CustomerSnapshot>> ScanAsync(SnapshotScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        session.Check();
        var customers = scan.Codes is { } codes
            ? codes.Select(c => State.Customers.GetValueOrDefault(c.Value)).OfType<StoredCustomer>()
            : State.Customers.Values.OrderBy(s => s.Customer.Code.Value, StringComparer.Ordinal);
        foreach (var chunk in customers.Select(Snapshot).Chunk(scan.ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.CompletedTask.ConfigureAwait(false);
            yield return chunk;
        }
    }
}
