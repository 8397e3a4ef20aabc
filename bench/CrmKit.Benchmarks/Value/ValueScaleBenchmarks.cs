using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CrmKit.TestSupport;
using CrmKit.Value;

namespace CrmKit.Benchmarks.Value;

/// <summary>What kind of customer base a scale benchmark fits.</summary>
public enum ValueBase
{
    /// <summary>Drawn from BG/NBD and Gamma-Gamma with the CDNOW parameters.</summary>
    Simulated,

    /// <summary>Purchases spread evenly over time, where the purchase likelihood has no finite maximum.</summary>
    EvenlySpread,
}

/// <summary>
/// The value fit, and the fit with scoring, at 100,000 and 1,000,000 customers, on the figures the math
/// reads (<see cref="SummaryColumns"/>), with every score made and dropped as it streams out. Each
/// case runs in its own process; its peak working set, and the processor time per run (which the
/// other work on a shared machine inflates less than the elapsed time), are printed at the end of the
/// process ("// peak working set").
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ValueScaleBenchmarks
{
    private static readonly CalibrationWindow Window = new(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private SummaryColumns customers = null!;
    private TimeSpan processorAfterSetup;
    private int runs;

    [Params(100_000, 1_000_000)]
    public int Customers { get; set; }

    [Params(ValueBase.Simulated, ValueBase.EvenlySpread)]
    public ValueBase Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        customers = Data == ValueBase.EvenlySpread
            ? EvenlySpreadBase.Summaries(Customers, Window.Start, Window.End, Week, seed: 17)
            : CustomerBaseSimulator.SimulateSummaries(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new GammaGammaParameters(6.25, 3.74, 15.44),
                Customers, Window.Start, Window.End, Week, cohortDays: 365, seed: 17);
        using var me = Process.GetCurrentProcess();
        processorAfterSetup = me.TotalProcessorTime;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var me = Process.GetCurrentProcess();
        double perRun = (me.TotalProcessorTime - processorAfterSetup).TotalMilliseconds / Math.Max(runs, 1);
        Console.WriteLine($"// peak working set {me.PeakWorkingSet64 / (1 << 20)} MB, processor time {perRun:F0} ms per run over {runs} runs ({Customers} customers, {Data})");
    }

    [Benchmark(Description = "fit")]
    public ValueFit Fit()
    {
        runs++;
        return ValueModel.FitTo(customers, Window, Week, TimeProvider.System).Fit;
    }

    [Benchmark(Description = "fit and score")]
    public decimal FitAndScore()
    {
        runs++;
        ValueModel model = ValueModel.FitTo(customers, Window, Week, TimeProvider.System);
        decimal equity = 0m;
        foreach (CustomerValue value in model.ScoreEach(customers))
        {
            equity += value.LifetimeValue;
        }

        return equity;
    }
}
