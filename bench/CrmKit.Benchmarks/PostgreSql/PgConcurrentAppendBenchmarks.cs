using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// Throughput of several processes appending interactions to one database at once against one
/// process alone. Each round appends the same total, <see cref="TotalBatches"/> batches of
/// <see cref="BatchSize"/> interactions for random customers out of <see cref="Customers"/>
/// (so writers overlap on customers and take turns on their row locks), split evenly across
/// <see cref="Writers"/> child processes that were started and connected beforehand. The
/// throughput ratio of four writers to one is the one-writer time over the four-writer time.
/// Each round's wall time, client and server CPU time and write-ahead log syncs are added up
/// (<see cref="AppendBreakdown"/>) and printed at the end, with what one writer's figures say
/// four writers can reach on this machine's cores. The writers run with the thread pool's spinning
/// off (<c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0</c>) unless the variable is set.
/// </summary>
public class PgConcurrentAppendBenchmarks
{
    private const int TotalBatches = 48;
    private const int BatchSize = 50;
    private const int Customers = 10_000;
    private const string SpinLimit = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";

    private readonly List<Process> _workers = [];
    private AppendBreakdown? _breakdown;
    private int _rounds;

    /// <summary>The rounds left out of the breakdown: BenchmarkDotNet's two jitting rounds and its first warm-up.</summary>
    private const int UncountedRounds = 3;

    /// <summary>Child processes appending at once.</summary>
    [Params(1, 4)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var connection = BenchCluster.NewDatabase();
        using (var crm = CrmKit.PostgreSql.PostgreSqlCrm.Open(BenchBase.Options(), new CrmKit.PostgreSql.PostgreSqlStoreOptions { ConnectionString = connection }))
            crm.Customers.CreateMany(Enumerable.Range(0, Customers).Select(i => new Customer($"C{i:D5}", $"Customer {i}")));
        var program = typeof(AppendWorker).Assembly.Location;
        for (var w = 0; w < Writers; w++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            // A writer blocks on each append while the thread pool's idle workers spin for work: on
            // a 2-core machine that spinning took four fifths of a writer's CPU time and the cores
            // its server needed. The writers run without it unless the variable is set already
            // (set it to 70, .NET's default, to measure with it).
            start.Environment[SpinLimit] = Environment.GetEnvironmentVariable(SpinLimit) ?? "0";
            foreach (var a in new[] { program, AppendWorker.Command, connection, (100 + w).ToString(CultureInfo.InvariantCulture), Customers.ToString(CultureInfo.InvariantCulture),
                         BatchSize.ToString(CultureInfo.InvariantCulture), (TotalBatches / Writers).ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(a);
            var process = Process.Start(start)!;
            _workers.Add(process);
            if (process.StandardOutput.ReadLine() != "ready") throw new InvalidOperationException($"append worker {w} did not start");
        }
        _breakdown = new AppendBreakdown(connection, [.. _workers.Select(w => w.Id)], Writers, BatchSize);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_breakdown is not null) Console.WriteLine(_breakdown.Report());
        _breakdown?.Dispose();
        foreach (var w in _workers)
        {
            w.StandardInput.Close();
            if (!w.WaitForExit(30_000)) w.Kill();
            w.Dispose();
        }
        _workers.Clear();
    }

    /// <summary>One round: every writer appends its share at once; done when the last one is.</summary>
    [Benchmark]
    public int AppendRound()
    {
        var before = _breakdown!.Take();
        foreach (var w in _workers)
        {
            w.StandardInput.WriteLine("go");
            w.StandardInput.Flush();
        }
        foreach (var w in _workers)
            if (w.StandardOutput.ReadLine() != "done") throw new InvalidOperationException("an append worker failed");
        // The first rounds compile the writers' code (JIT), which a steady writer no longer pays.
        var after = _breakdown.Take();
        if (++_rounds > UncountedRounds) _breakdown.Add(before, after, TotalBatches);
        return TotalBatches * BatchSize;
    }
}
