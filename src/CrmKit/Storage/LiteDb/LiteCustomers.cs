using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Customers in the embedded store: one document each, with the stats and the change mark inside it.</summary>
internal sealed class LiteCustomers(LiteSession session) : ICustomerStore
{
    private LiteStore Store => session.Store;

    public ValueTask<CustomerCode> ResolveAsync(CustomerCode code, CancellationToken cancellationToken)
    {
        var alias = Store.Aliases.FindById(code.Value);
        return Completed.Value(alias is null ? code : new CustomerCode(alias["s"].AsString));
    }

    public ValueTask<CustomerRecord?> FindAsync(CustomerCode code, CancellationToken cancellationToken) =>
        Completed.Value(Store.FindCustomer(code.Value, session.Writable) is { } doc ? Record(doc) : null);

    /// <summary>Reads the codes not yet read by this write in one query of the primary key, rather than one query each.</summary>
    public ValueTask<IReadOnlyDictionary<CustomerCode, CustomerRecord>> FindManyAsync(IReadOnlyCollection<CustomerCode> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var docs = Store.FindCustomers(codes.Select(c => c.Value), session.Writable);
        var found = new Dictionary<CustomerCode, CustomerRecord>(codes.Count);
        foreach (var code in codes)
        {
            if (docs.TryGetValue(code.Value, out var doc)) found[code] = Record(doc);
        }
        return Completed.Value<IReadOnlyDictionary<CustomerCode, CustomerRecord>>(found);
    }

    public ValueTask<CustomerSnapshot?> SnapshotAsync(CustomerCode code, CancellationToken cancellationToken) =>
        Completed.Value(LiteScan.One(Store, code.Value));

    public ValueTask InsertAsync(Customer customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        if (Store.FindCustomer(customer.Code.Value, writing: true) is not null || Store.Aliases.FindById(customer.Code.Value) is not null)
            throw new DuplicateCustomerException(customer.Code);
        Store.InsertCustomer(customer);
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateAsync(Customer customer, int expectedVersion, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var stored = Store.FindCustomer(customer.Code.Value, writing: true) ?? throw new CustomerNotFoundException(customer.Code);
        var version = CustomerDocument.VersionOf(stored);
        if (version != expectedVersion) throw new ConcurrencyConflictException(customer.Code, expectedVersion, version);
        Store.UpdateProfile(stored, customer);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetStatsAsync(CustomerCode code, CustomerStats stats, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.SetStats(Store.FindCustomer(code.Value, writing: true) ?? throw new CustomerNotFoundException(code), stats);
        return ValueTask.CompletedTask;
    }

    public ValueTask MergeAwayAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var merged = merge.Merged.Value;
        var survivor = merge.Survivor.Value;
        Store.DeleteCustomer(merged);
        // Codes merged into the merged customer earlier now resolve to the survivor too.
        foreach (var alias in Store.Aliases.Find(Where.Eq("s", merged)).ToList())
        {
            alias["s"] = survivor;
            Store.Aliases.Update(alias);
        }
        Store.Aliases.Insert(new BsonDocument { ["_id"] = merged, ["s"] = survivor });
        Store.Merges.Insert(RecordDocuments.ToBson(merge));
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CustomerCode>> AliasesOfAsync(CustomerCode survivor, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CustomerCode>>(Store.Aliases.Find(Where.Eq("s", survivor.Value))
            .Select(a => a["_id"].AsString).Order(StringComparer.Ordinal).Select(c => new CustomerCode(c)).ToArray());

    public ValueTask<Page<Customer>> QueryAsync(CustomerQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var q = Store.Customers.Query();
        if (Predicate(query) is { } predicate) q = q.Where(predicate);
        var docs = q.OrderBy("_id").Skip(page.Offset).Limit(page.Size + 1).ToList();
        var items = docs.Take(page.Size).Select(CustomerDocument.FromBson).ToArray();
        return Completed.Value(new Page<Customer>(items, page.Offset, docs.Count > page.Size));
    }

    public ValueTask<int> CountAsync(CustomerQuery query, CancellationToken cancellationToken) =>
        Completed.Value(Predicate(query) is { } predicate ? Store.Customers.Count(predicate) : Store.Customers.Count());

    public IAsyncEnumerable<IReadOnlyList<CustomerSnapshot>> ScanAsync(SnapshotScan scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.ChunkSize < 1) throw new CrmValidationException("scan.chunkSize", $"{scan.ChunkSize} is not positive.");
        return Completed.Chunks(LiteScan.Chunks(Store, scan, cancellationToken), cancellationToken);
    }

    internal static CustomerRecord Record(BsonDocument doc) =>
        new(CustomerDocument.FromBson(doc), StatsDocument.FromBson(LiteStore.StatsOf(doc)));

    private static BsonExpression? Predicate(CustomerQuery query) => query.Kind switch
    {
        CustomerQueryKind.All => null,
        CustomerQueryKind.Tag => BsonExpression.Create($"$.{CustomerDocument.Tags}[*] ANY = @0", new BsonValue(query.Value)),
        CustomerQueryKind.Stage => Where.Eq("$." + CustomerDocument.Stage, query.Value),
        CustomerQueryKind.Owner => Where.Eq("$." + CustomerDocument.Owner, query.Value),
        CustomerQueryKind.AttributeKey => BsonExpression.Create($"$.{CustomerDocument.AttributeKeys}[*] ANY = @0", new BsonValue(query.Value)),
        CustomerQueryKind.Graded => Query.Not(CustomerDocument.Grade, BsonValue.Null),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, "Unknown customer query."),
    };
}
