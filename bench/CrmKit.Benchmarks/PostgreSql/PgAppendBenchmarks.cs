using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// Appending interactions in batches through CrmKit on PostgreSQL (validation, code resolution,
/// each touched customer locked and its stats and change mark updated, one transaction per batch)
/// against a raw Npgsql binary <c>COPY</c> of the same rows into a table made <c>LIKE</c> CrmKit's
/// interactions table (same columns, key and identity; no foreign key), in the same database. The
/// promise is a ratio: CrmKit keeps at least half the raw throughput.
/// </summary>
[MemoryDiagnoser]
public class PgAppendBenchmarks
{
    private CrmDatabase _crm = null!;
    private NpgsqlDataSource _raw = null!;
    private Interaction[] _batch = [];

    /// <summary>Interactions per batch.</summary>
    [Params(100, 1000)]
    public int BatchSize { get; set; }

    /// <summary>How many customers a batch spreads over.</summary>
    [Params(100)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var connection = BenchCluster.NewDatabase();
        _crm = CrmKit.PostgreSql.PostgreSqlCrm.Open(BenchBase.Options(), new CrmKit.PostgreSql.PostgreSqlStoreOptions { ConnectionString = connection });
        _crm.Customers.CreateMany(Enumerable.Range(0, Customers).Select(i => new Customer($"C{i:D5}", $"Customer {i}")));
        _raw = NpgsqlDataSource.Create(connection);
        using (var create = _raw.CreateCommand("CREATE TABLE crmkit.raw_interactions (LIKE crmkit.interactions INCLUDING ALL)")) create.ExecuteNonQuery();

        var random = new Random(42);
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
        _batch = Enumerable.Range(0, BatchSize).Select(i =>
        {
            var purchase = random.Next(3) > 0;
            return new Interaction($"C{random.Next(Customers):D5}", purchase ? "purchase" : "inquiry", "store", start.AddMinutes(i))
            {
                Amount = purchase ? random.Next(100, 100_000) / 100m : null,
                Staff = "sales.li",
                Outcome = "done",
            };
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _crm.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw Npgsql binary COPY")]
    public ulong RawBinaryCopy()
    {
        using var connection = _raw.OpenConnection();
        using var writer = connection.BeginBinaryImport("""
            COPY crmkit.raw_interactions (customer_code, kind, channel, occurred_at, occurred_offset, amount, outcome, staff, metadata, recorded_at, recorded_offset)
            FROM STDIN (FORMAT BINARY)
            """);
        var recorded = BenchBase.Now.UtcDateTime;
        foreach (var i in _batch)
        {
            writer.StartRow();
            writer.Write(i.Customer.Value, NpgsqlDbType.Text);
            writer.Write(i.Kind.Name, NpgsqlDbType.Text);
            writer.Write(i.Channel.Name, NpgsqlDbType.Text);
            writer.Write(i.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            writer.Write((short)i.OccurredAt.Offset.TotalMinutes, NpgsqlDbType.Smallint);
            if (i.Amount is { } amount) writer.Write(amount, NpgsqlDbType.Numeric);
            else writer.WriteNull();
            writer.Write(i.Outcome!, NpgsqlDbType.Text);
            writer.Write(i.Staff!, NpgsqlDbType.Text);
            writer.Write("{}", NpgsqlDbType.Jsonb);
            writer.Write(recorded, NpgsqlDbType.TimestampTz);
            writer.Write((short)0, NpgsqlDbType.Smallint);
        }
        return writer.Complete();
    }

    [Benchmark(Description = "CrmKit RecordBatch (with stats)")]
    public int CrmKitRecordBatch() => _crm.Interactions.RecordBatch(_batch).Count;
}
