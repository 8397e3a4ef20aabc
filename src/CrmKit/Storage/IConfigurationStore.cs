namespace CrmKit.Storage;

/// <summary>
/// A store that keeps the database's configuration (attribute schema, stage model, purchase and
/// refund kinds, contact policy) as one document, so every program that opens the database opens it
/// alike. A store implements it beside <see cref="ICrmStore"/>; <see cref="CrmDatabase.Open(CrmOptions, ICrmStore)"/>
/// then reconciles the options with what is stored, as it does for the embedded file. The document
/// is opaque JSON text written by the domain; the store keeps it as it is.
/// </summary>
/// <remarks>Implementations are thread-safe; each call is one transaction of its own.</remarks>
public interface IConfigurationStore
{
    /// <summary>The stored configuration document, or null when none is stored yet (a new database).</summary>
    /// <exception cref="CrmStorageException">The store failed.</exception>
    ValueTask<string?> ReadConfigurationAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="json"/> as the configuration document, replacing the previous one.</summary>
    /// <exception cref="CrmStorageException">The store failed; nothing was written.</exception>
    ValueTask WriteConfigurationAsync(string json, CancellationToken cancellationToken);
}
