using CrmKit.Storage;

namespace CrmKit.PostgreSql;

/// <summary>The configuration document, kept as <c>jsonb</c> in the <c>meta</c> table under the key <c>configuration</c>.</summary>
internal sealed class PgConfiguration(PgSession session) : IConfigurationStore
{
    private const string Key = "configuration";

    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken) =>
        await session.ScalarAsync("SELECT value::text FROM meta WHERE key = $1", cancellationToken, Key).ConfigureAwait(false) as string;

    public async ValueTask WriteAsync(string document, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("INSERT INTO meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            cancellationToken, Key, document).ConfigureAwait(false);
    }
}
