namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The configuration document of the embedded store. The file keeps it as a plain BSON document
/// of the meta collection (<see cref="StoredConfiguration"/>), as files have since configurations
/// were first stored; this translates to and from the contract's JSON text.
/// </summary>
internal sealed class LiteConfiguration(LiteSession session) : IConfigurationStore
{
    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken) =>
        Completed.Value(StoredConfiguration.Read(session.Store, session.Store.FullLocation) is { } stored ? ConfigurationDocument.Write(stored) : null);

    public ValueTask WriteAsync(string document, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        StoredConfiguration.Upsert(session.Store, ConfigurationDocument.Read(document, session.Store.Location));
        return ValueTask.CompletedTask;
    }
}
