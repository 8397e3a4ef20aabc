using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrmKit.Scripting;
using Npgsql;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// Segment refreshes over 100,000 customers on PostgreSQL, each against its baseline in the same
/// run. "filter": a built-in filter refresh (clauses decided in SQL, snapshots read in chunks,
/// the filter checked again, membership diffed and the refresh recorded) against a raw
/// <c>SELECT</c> of the same rows with the same condition, reading every column (a customer's
/// contact points, consents and per-kind and per-channel figures are arrays in its row), JIT off
/// as for CrmKit's scans. "script": a
/// scripted refresh (the script in process) on PostgreSQL against the same refresh on a LiteDB
/// file holding the same base. Memberships are stored before measuring, so each refresh finds no
/// change: the steady state of a nightly refresh. Run it without <c>--job</c> or <c>--inProcess</c>:
/// its own configuration runs the short job in process with a limit long enough for the set-up.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LongSetupConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PgRefreshBenchmarks
{
    private const int Customers = 100_000;
    private const string Script = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m";
    private const string RawSql = """
        SELECT c.*, v.* FROM crmkit.customers c LEFT JOIN crmkit.customer_values v ON v.customer_code = c.code
        WHERE c.tags && ARRAY['vip']::text[] AND c.monetary_total > 1000
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-bench-pg-refresh", Guid.NewGuid().ToString("N"));
    private ScriptEngine _scripts = null!;
    private CrmDatabase _crm = null!;
    private NpgsqlDataSource? _raw;

    /// <summary>
    /// The PostgreSQL base, filled once per process: the benchmarks run in process, so the three
    /// cases on PostgreSQL share it, each with an instance of its own.
    /// </summary>
    private static string? _filled;

    private void Open(bool onPostgreSql)
    {
        _scripts = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });
        var compiler = new ScriptedSegments(_scripts);
        if (onPostgreSql)
        {
            var fill = _filled is null;
            var connection = _filled ??= BenchCluster.NewDatabase();
            _crm = CrmKit.PostgreSql.PostgreSqlCrm.Open(BenchBase.Options(compiler), new CrmKit.PostgreSql.PostgreSqlStoreOptions { ConnectionString = connection });
            // The raw read runs without the server's JIT, as CrmKit's scans do (compiling the plan
            // costs more than it saves on a read of this size).
            _raw = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Options = "-c jit=off" }.ConnectionString);
            if (fill)
            {
                BenchBase.Fill(_crm, Customers);
                // Measured in the steady state: the fill's dead rows vacuumed and the planner's statistics taken.
                using var vacuum = _raw.CreateCommand("VACUUM ANALYZE");
                vacuum.ExecuteNonQuery();
            }
        }
        else
        {
            Directory.CreateDirectory(_folder);
            _crm = CrmDatabase.Open(BenchBase.Options(compiler) with { FilePath = Path.Combine(_folder, "crm.db") });
            BenchBase.Fill(_crm, Customers);
        }
        if (_crm.Segments.Find("vip-spenders") is null)
        {
            _crm.Segments.Define(new SegmentDefinition("vip-spenders", "VIPs who spent over 1,000", Script));
            _crm.Segments.Define(new SegmentDefinition("vip-spenders-filter", "the same as a built-in filter",
                new SegmentFilter(SegmentClause.HasAnyTag("vip"), SegmentClause.Monetary(ClauseOperator.Greater, 1000m))));
        }
        var scripted = _crm.Segments.Refresh("vip-spenders");
        var filtered = _crm.Segments.Refresh("vip-spenders-filter");
        if (scripted.Members != filtered.Members || scripted.Members == 0)
            throw new InvalidOperationException($"Script and filter disagree: {scripted.Members} vs {filtered.Members}.");
        if (_raw is not null && RawSelect() != filtered.Members)
            throw new InvalidOperationException($"The raw read and the refresh disagree: {RawSelect()} vs {filtered.Members}.");
        Console.WriteLine($"// {Customers:N0} customers, {scripted.Members:N0} members");
    }

    [GlobalSetup(Targets = [nameof(RawSelect), nameof(FilterRefresh), nameof(ScriptedRefreshOnPostgreSql)])]
    public void OnPostgreSql() => Open(onPostgreSql: true);

    [GlobalSetup(Target = nameof(ScriptedRefreshOnLiteDb))]
    public void OnLiteDb() => Open(onPostgreSql: false);

    [GlobalCleanup]
    public void Cleanup()
    {
        _crm.Dispose();
        _raw?.Dispose();
        _scripts.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The raw read: the same rows, every column of the customer and its value figures.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("filter")]
    public int RawSelect()
    {
        using var command = _raw!.CreateCommand(RawSql);
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        var count = 0;
        while (reader.Read())
        {
            reader.GetValues(values);
            count++;
        }
        return count;
    }

    [Benchmark, BenchmarkCategory("filter")]
    public int FilterRefresh() => _crm.Segments.Refresh("vip-spenders-filter").Members;

    [Benchmark(Baseline = true), BenchmarkCategory("script")]
    public int ScriptedRefreshOnLiteDb() => _crm.Segments.Refresh("vip-spenders").Members;

    [Benchmark, BenchmarkCategory("script")]
    public int ScriptedRefreshOnPostgreSql() => _crm.Segments.Refresh("vip-spenders").Members;
}
