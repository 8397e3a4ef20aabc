using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Service cases in the embedded store: one document per case, numbered by the collection, with
/// the customer (<c>c</c>), owner (<c>o</c>), active flag (<c>a</c>), number of changes (<c>n</c>)
/// and the case's JSON form (<c>j</c>).
/// </summary>
internal sealed class LiteCases(LiteSession session) : ICaseStore
{
    public ValueTask<long> InsertAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        session.RequireWrite();
        return Completed.Value(session.Store.Cases.Insert(Document(record)).AsInt64);
    }

    public ValueTask<CaseRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        Completed.Value(session.Store.Cases.FindById(id) is { } doc ? Read(doc) : null);

    public ValueTask UpdateAsync(CaseRecord record, int expectedChanges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        session.RequireWrite();
        var stored = session.Store.Cases.FindById(record.Id) ?? throw new CaseNotFoundException(record.Id);
        if (stored["n"].AsInt32 != expectedChanges)
            throw new ConcurrencyConflictException($"Case {record.Id}", record.Customer, expectedChanges, stored["n"].AsInt32);
        var doc = Document(record);
        doc["_id"] = record.Id;
        session.Store.Cases.Update(doc);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var docs = query.Customer is { } customer ? session.Store.Cases.Find(Where.Eq("c", customer.Value))
            : query.Owner is { } owner ? session.Store.Cases.Find(Where.Eq("o", owner))
            : session.Store.Cases.FindAll();
        IReadOnlyList<CaseRecord> records = [.. docs.Select(Read)
            .Where(r => (query.Customer is null || r.Customer == query.Customer) && (query.Owner is null || r.Owner == query.Owner) && (!query.ActiveOnly || r.Active))
            .OrderBy(r => r.Id)];
        return Completed.Value(records);
    }

    private static CaseRecord Read(BsonDocument doc) =>
        new(doc["_id"].AsInt64, new CustomerCode(doc["c"].AsString), doc["o"].IsNull ? null : doc["o"].AsString, doc["a"].AsBoolean, doc["n"].AsInt32, doc["j"].AsString);

    private static BsonDocument Document(CaseRecord record) => new()
    {
        ["c"] = record.Customer.Value,
        ["o"] = record.Owner is { } owner ? owner : BsonValue.Null,
        ["a"] = record.Active,
        ["n"] = record.Changes,
        ["j"] = record.Document,
    };
}
