using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Contact attempts and owner changes in the embedded store: one document each, numbered by the
/// collection, with the customer (<c>c</c>) and the task (<c>t</c>) or case (<c>k</c>) indexed, and an
/// attempt's instant also as UTC ticks (<c>u</c>) for period look-ups.
/// </summary>
internal sealed class LiteOperations(LiteSession session) : IOperationStore
{
    private LiteStore Store => session.Store;

    internal static void EnsureIndexes(LiteStore store)
    {
        store.ContactAttempts.EnsureIndex("c", "$.c");
        store.ContactAttempts.EnsureIndex("t", "$.t");
        store.ContactAttempts.EnsureIndex("k", "$.k");
        store.ContactAttempts.EnsureIndex("u", "$.u");
        store.OwnerChanges.EnsureIndex("c", "$.c");
        store.OwnerChanges.EnsureIndex("t", "$.t");
    }

    public ValueTask<ContactAttempt> AppendAttemptAsync(ContactAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        session.RequireWrite();
        var id = Store.ContactAttempts.Insert(Document(attempt)).AsInt64;
        return Completed.Value(attempt with { Id = id });
    }

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfTaskAsync(long task, CancellationToken cancellationToken) => Attempts(Where.Eq("t", task));

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfCaseAsync(long caseId, CancellationToken cancellationToken) => Attempts(Where.Eq("k", caseId));

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfAsync(CustomerCode customer, CancellationToken cancellationToken) => Attempts(Where.Eq("c", customer.Value));

    public ValueTask<IReadOnlyList<ContactAttempt>> AttemptsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Attempts(Where.From("u", from.UtcTicks, to.UtcTicks));

    public ValueTask<IReadOnlyDictionary<long, int>> AttemptCountsAsync(IReadOnlyCollection<long> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var counts = new Dictionary<long, int>();
        foreach (var task in tasks.Distinct())
        {
            var n = Store.ContactAttempts.Count(Where.Eq("t", task));
            if (n > 0) counts[task] = n;
        }
        return Completed.Value<IReadOnlyDictionary<long, int>>(counts);
    }

    public ValueTask<OwnerChange> AppendOwnerChangeAsync(OwnerChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        session.RequireWrite();
        var id = Store.OwnerChanges.Insert(Document(change)).AsInt64;
        return Completed.Value(change with { Id = id });
    }

    public ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfAsync(CustomerCode customer, CancellationToken cancellationToken) => Changes(Where.Eq("c", customer.Value));

    public ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfTaskAsync(long task, CancellationToken cancellationToken) => Changes(Where.Eq("t", task));

    public ValueTask<int> MoveCustomerAsync(CustomerCode merged, CustomerCode survivor, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var n = 0;
        foreach (var doc in Store.ContactAttempts.Find(Where.Eq("c", merged.Value)).ToArray())
        {
            doc["c"] = survivor.Value;
            n += Store.ContactAttempts.Update(doc) ? 1 : 0;
        }
        foreach (var doc in Store.OwnerChanges.Find(Where.Eq("c", merged.Value)).ToArray())
        {
            doc["c"] = survivor.Value;
            n += Store.OwnerChanges.Update(doc) ? 1 : 0;
        }
        return Completed.Value(n);
    }

    public ValueTask<int> EraseNotesAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var n = 0;
        foreach (var collection in new[] { Store.ContactAttempts, Store.OwnerChanges })
        {
            foreach (var doc in collection.Find(Where.Eq("c", customer.Value)).Where(d => !d["n"].IsNull).ToArray())
            {
                doc["n"] = BsonValue.Null;
                n += collection.Update(doc) ? 1 : 0;
            }
        }
        return Completed.Value(n);
    }

    private ValueTask<IReadOnlyList<ContactAttempt>> Attempts(BsonExpression query) =>
        Completed.Value<IReadOnlyList<ContactAttempt>>(Store.ContactAttempts.Find(query).Select(ToAttempt).OrderBy(a => a.Id).ToArray());

    private ValueTask<IReadOnlyList<OwnerChange>> Changes(BsonExpression query) =>
        Completed.Value<IReadOnlyList<OwnerChange>>(Store.OwnerChanges.Find(query).Select(ToChange).OrderBy(c => c.Id).ToArray());

    private static BsonDocument Document(ContactAttempt a) => new()
    {
        ["c"] = a.Customer.Value,
        ["t"] = a.Task is { } t ? t : BsonValue.Null,
        ["k"] = a.Case is { } k ? k : BsonValue.Null,
        ["ch"] = a.Channel.Name,
        ["at"] = Bson.Instant(a.At),
        ["u"] = a.At.UtcTicks,
        ["out"] = (int)a.Outcome,
        ["by"] = a.Actor,
        ["cb"] = Bson.Instant(a.CallbackAt),
        ["n"] = Bson.Text(a.Note),
    };

    private static ContactAttempt ToAttempt(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), d["t"].IsNull ? null : d["t"].AsInt64, d["k"].IsNull ? null : d["k"].AsInt64, new Channel(d["ch"].AsString),
            Bson.ToInstant(d["at"]), (AttemptOutcome)d["out"].AsInt32, d["by"].AsString)
        {
            Id = d["_id"].AsInt64,
            CallbackAt = Bson.ToOptionalInstant(d["cb"]),
            Note = Bson.ToText(d["n"]),
        };

    private static BsonDocument Document(OwnerChange c) => new()
    {
        ["c"] = c.Customer.Value,
        ["t"] = c.Task is { } t ? t : BsonValue.Null,
        ["kind"] = (int)c.Kind,
        ["from"] = Bson.Text(c.From),
        ["to"] = Bson.Text(c.To),
        ["at"] = Bson.Instant(c.At),
        ["by"] = c.Actor,
        ["n"] = Bson.Text(c.Note),
    };

    private static OwnerChange ToChange(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), d["t"].IsNull ? null : d["t"].AsInt64, (OwnerChangeKind)d["kind"].AsInt32, Bson.ToText(d["from"]),
            Bson.ToText(d["to"]), Bson.ToInstant(d["at"]), d["by"].AsString, Bson.ToText(d["n"]))
        {
            Id = d["_id"].AsInt64,
        };
}
