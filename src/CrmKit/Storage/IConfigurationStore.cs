namespace CrmKit.Storage;

/// <summary>
/// The configuration a database keeps about itself (attribute schema, stage model, purchase and
/// refund kinds, contact policy), as one JSON document whose layout CrmKit owns and versions. A
/// store keeps the document and hands it back (it may normalise the JSON, as a <c>jsonb</c> column
/// does, but keeps every value); CrmKit reads it and checks it against the options on every open.
/// </summary>
public interface IConfigurationStore
{
    /// <summary>The stored configuration document, or null for a database that has none yet.</summary>
    ValueTask<string?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="document"/> in place of the previous one.</summary>
    ValueTask WriteAsync(string document, CancellationToken cancellationToken);
}
