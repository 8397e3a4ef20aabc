namespace CrmKit.PostgreSql.Tests.Server;

/// <summary>How a throwaway cluster is configured.</summary>
public sealed record PostgresClusterOptions
{
    /// <summary>
    /// When true, <c>fsync</c> and <c>full_page_writes</c> stay on, as in production. Off by
    /// default: that only matters if the machine itself loses power, not when the server process
    /// is killed or stopped with <c>-m immediate</c>, which the tests do.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>Further <c>postgresql.conf</c> settings, written as given (quote strings: <c>"'on'"</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>The shutdown modes of <c>pg_ctl stop -m</c>.</summary>
public enum StopMode
{
    /// <summary>Waits for every client to disconnect.</summary>
    Smart,

    /// <summary>Disconnects clients, rolls back their transactions and shuts down cleanly.</summary>
    Fast,

    /// <summary>Quits at once without a checkpoint, as a crash would; the next start recovers from the write-ahead log.</summary>
    Immediate,
}
