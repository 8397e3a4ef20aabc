namespace CrmKit.Storage;

/// <summary>Erasure records. The per-customer dossier is gathered from every aggregate by <see cref="CustomerDossier.GatherAsync"/>.</summary>
public interface IPrivacyStore
{
    /// <summary>Keeps an erasure record.</summary>
    ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken);

    /// <summary>The erasures recorded for exactly <paramref name="customer"/>, in recording order.</summary>
    ValueTask<IReadOnlyList<ErasureRecord>> ErasuresOfAsync(CustomerCode customer, CancellationToken cancellationToken);
}
