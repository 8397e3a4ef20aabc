namespace CrmKit.Storage;

/// <summary>Erasure records and everything held about one customer.</summary>
public interface IPrivacyStore
{
    /// <summary>Keeps an erasure record.</summary>
    ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken);

    /// <summary>Everything stored under exactly <paramref name="customer"/>, or null when no customer is stored under it.</summary>
    ValueTask<CustomerDossier?> DossierAsync(CustomerCode customer, CancellationToken cancellationToken);
}
