using CrmKit.Value;

namespace CrmKit.Storage.LiteDb;

/// <summary>Value fits (by id, the latest last) and the latest figures per customer in the embedded store.</summary>
internal sealed class LiteValues(LiteSession session) : IValueStore
{
    private LiteStore Store => session.Store;

    public ValueTask ReplaceAsync(ValueFit fit, IReadOnlyList<CustomerValue> values, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.ValueFits.Insert(ValueDocument.FitToBson(fit));
        Store.CustomerValues.DeleteAll();
        Store.CustomerValues.InsertBulk(values.Select(ValueDocument.ValueToBson));
        return ValueTask.CompletedTask;
    }

    public ValueTask<ValueFit?> LatestFitAsync(CancellationToken cancellationToken) =>
        Completed.Value(Store.ValueFits.Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } doc ? ValueDocument.FitFromBson(doc) : null);

    public ValueTask<CustomerValue?> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value(Store.CustomerValues.FindById(customer.Value) is { } doc ? ValueDocument.ValueFromBson(doc) : null);

    public ValueTask<IReadOnlyList<CustomerValue>> AllAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CustomerValue>>(Store.CustomerValues.Query().OrderBy("_id").ToEnumerable().Select(ValueDocument.ValueFromBson).ToArray());
}
