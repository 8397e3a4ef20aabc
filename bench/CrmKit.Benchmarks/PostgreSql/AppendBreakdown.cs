using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// Where the time of append rounds goes: wall time, CPU time of the writer processes (client),
/// CPU time of every process of the benchmark's server (backends, WAL writer, checkpointer), and
/// the server's write-ahead log syncs (how many, and how long they took, from <c>pg_stat_wal</c>).
/// From one writer's figures it works out what several writers can reach: a batch needs its
/// client and server CPU time wherever it runs, so on <c>P</c> free cores <c>k</c> writers reach
/// at most <c>min(k, P × wall / (client + server))</c> times one writer's throughput; the rest of
/// one writer's wall time (round trips, commit syncs) is what more writers can overlap.
/// </summary>
public sealed class AppendBreakdown(string connectionString, IReadOnlyList<int> clients, int writers, int batchSize) : IDisposable
{
    private readonly NpgsqlDataSource _stats = NpgsqlDataSource.Create(connectionString);
    private readonly int _server = BenchCluster.ServerProcessId();
    private double _wall, _client, _serverCpu, _syncs, _syncTime;
    private int _batches;

    /// <summary>Counters at one moment.</summary>
    public readonly record struct Sample(long Ticks, double Client, double Server, double Syncs, double SyncTime);

    public Sample Take()
    {
        using var command = _stats.CreateCommand("SELECT wal_sync::float8, wal_sync_time FROM pg_stat_wal");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new Sample(Stopwatch.GetTimestamp(), clients.Sum(ProcessCpu.Milliseconds), ProcessCpu.TreeMilliseconds(_server), reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>Adds one measured stretch in which the writers appended <paramref name="batches"/> batches in all.</summary>
    public void Add(Sample before, Sample after, int batches)
    {
        _wall += Stopwatch.GetElapsedTime(before.Ticks, after.Ticks).TotalMilliseconds;
        _client += after.Client - before.Client;
        _serverCpu += after.Server - before.Server;
        _syncs += after.Syncs - before.Syncs;
        _syncTime += after.SyncTime - before.SyncTime;
        _batches += batches;
    }

    /// <summary>The figures per batch, and for one writer what more writers could reach on this machine's cores.</summary>
    public string Report()
    {
        if (_batches == 0) return "// no rounds measured";
        var wall = _wall * writers / _batches;
        var client = _client / _batches;
        var server = _serverCpu / _batches;
        var cpu = client + server;
        var cores = Environment.ProcessorCount;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            // Append breakdown: {writers} writer(s), {_batches} batches of {batchSize} measured, load average {File.ReadAllText("/proc/loadavg").Trim()}
            //   per batch: a writer's wall time {wall:F2} ms; client CPU {client:F2} ms; server CPU {server:F2} ms (all server processes);
            //   WAL syncs {_syncs / _batches:F2} taking {_syncTime / _batches:F2} ms; wall time with neither its client nor the server on a core: {Math.Max(0, wall - cpu):F2} ms
            """);
        if (writers != 1) return text;
        var ceiling = cores * wall / cpu;
        return text + string.Create(CultureInfo.InvariantCulture, $"""

            //   CPU bound: on {cores} free cores, 4 writers reach at most {Math.Min(4, ceiling):F2}x one writer's throughput;
            //   2.5x needs {2.5 * cpu / wall:F1} free cores (2.5 x CPU per batch / one writer's wall time per batch)
            """);
    }

    public void Dispose() => _stats.Dispose();
}
