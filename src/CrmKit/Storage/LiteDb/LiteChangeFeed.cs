using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The change feed of the embedded store: the sequence in the meta collection, each live
/// customer's mark in its own document and a merged-away customer's in the changes collection;
/// named cursors are meta documents too.
/// </summary>
internal sealed class LiteChangeFeed(LiteSession session) : IChangeFeed
{
    public ValueTask<long> SequenceAsync(CancellationToken cancellationToken) => Completed.Value(session.Store.ChangeSequence);

    public ValueTask MarkChangedAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.Touch(customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyCollection<CustomerCode>> ChangedSinceAsync(long sequence, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyCollection<CustomerCode>>(session.Store.ChangedSince(sequence).Select(c => new CustomerCode(c)).ToArray());

    public ValueTask<long?> CursorAsync(string name, CancellationToken cancellationToken) =>
        Completed.Value(session.Store.Meta.FindById(name) is { } doc ? (long?)doc["v"].AsInt64 : null);

    public ValueTask SetCursorAsync(string name, long sequence, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.Meta.Upsert(new BsonDocument { ["_id"] = name, ["v"] = sequence });
        return ValueTask.CompletedTask;
    }
}
