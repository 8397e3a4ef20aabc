namespace CrmKit.Storage.LiteDb;

/// <summary>Claims in the embedded store: one document per customer, the latest claim.</summary>
internal sealed class LiteClaims(LiteSession session) : IClaimStore
{
    public ValueTask<Claim?> GetAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value(session.Store.Claims.FindById(customer.Value) is { } doc ? RecordDocuments.ToClaim(doc) : null);

    public ValueTask PutAsync(Claim claim, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        session.Store.Claims.Upsert(RecordDocuments.ToBson(claim));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return Completed.Value(session.Store.Claims.Delete(customer.Value));
    }
}
