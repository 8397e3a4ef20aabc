using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// What one step of the scale benchmark measured, in its own process: the time of the operation
/// alone (opening the database and making the data excluded), the processor time over the same
/// span, the process's peak working set, how many records it handled, and any extra figures
/// (throughput at the start and the end of a long write, file sizes).
/// </summary>
internal sealed record StepResult
{
    internal const string Marker = "scale-result ";

    public string Step { get; init; } = "";
    public double Seconds { get; init; }
    public double ProcessorSeconds { get; init; }
    public double PeakMegabytes { get; init; }
    public long Count { get; init; }
    public Dictionary<string, double> Extra { get; init; } = [];

    /// <summary>Runs <paramref name="work"/> (which returns how many records it handled) and prints the result for the parent.</summary>
    internal static int Measure(string step, Func<Dictionary<string, double>, long> work)
    {
        using var me = Process.GetCurrentProcess();
        var extra = new Dictionary<string, double>();
        var cpu = me.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var count = work(extra);
        var seconds = watch.Elapsed.TotalSeconds;
        me.Refresh();
        var result = new StepResult
        {
            Step = step,
            Seconds = seconds,
            ProcessorSeconds = (me.TotalProcessorTime - cpu).TotalSeconds,
            PeakMegabytes = me.PeakWorkingSet64 / 1048576.0,
            Count = count,
            Extra = extra,
        };
        Console.WriteLine(Marker + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Records the throughput of the first and last tenth of a write made of timed calls, to show whether it slows as the base grows.</summary>
    internal static void Trend(Dictionary<string, double> extra, List<(int Records, double Seconds)> calls)
    {
        if (calls.Count < 10) return;
        var tenth = calls.Count / 10;
        static double Rate(IEnumerable<(int Records, double Seconds)> part) => part.Sum(p => p.Records) / Math.Max(part.Sum(p => p.Seconds), 1e-9);
        extra["first-tenth-per-second"] = Rate(calls.Take(tenth));
        extra["last-tenth-per-second"] = Rate(calls.Skip(calls.Count - tenth));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Step}: {Seconds:F2} s, cpu {ProcessorSeconds:F2} s, peak {PeakMegabytes:F0} MB, {Count:N0} records {string.Join(", ", Extra.Select(e => $"{e.Key}={e.Value:F0}"))}");
}
