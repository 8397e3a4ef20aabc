using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// The scale benchmark: builds a customer base of each size (100,000 and 1,000,000 customers with
/// ten interactions each by default) through the public API, on the embedded store and on
/// PostgreSQL, and measures every operation against its raw baseline in the same run. Every step
/// runs in a process of its own, so its peak working set is its own. A console mode rather than a
/// BenchmarkDotNet class, because building a million customers once per size is already long.
/// </summary>
/// <remarks>
/// <c>dotnet CrmKit.Benchmarks.dll scale [--store lite|postgres|all] [--sizes 100000,1000000] [--folder DIR] [--keep]</c>.
/// Prints a table per store: per step the time, the cost per customer at each size and their ratio,
/// the peak working set and, where there is one, the ratio to the raw baseline; then file sizes.
/// Results also go to <c>DIR/results-STORE.json</c>.
/// </remarks>
internal static class ScaleRun
{
    internal static int Start(string[] args)
    {
        var store = Option(args, "--store") ?? "all";
        var sizes = (Option(args, "--sizes") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var folder = Path.GetFullPath(Option(args, "--folder") ?? Path.Combine(Path.GetTempPath(), "crmkit-scale"));
        var keep = args.Contains("--keep");
        Directory.CreateDirectory(folder);
        Console.WriteLine($"# CrmKit scale benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {Load()}");
        if (store is "lite" or "all") Report("embedded LiteDB store", RunSizes(sizes, folder, "lite", keep, LiteSizes), folder, "lite");
        Console.WriteLine($"# finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {Load()}");
        return 0;
    }

    /// <summary>The one-minute, five-minute and fifteen-minute load averages, for the record.</summary>
    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static Dictionary<int, Dictionary<string, StepResult>> RunSizes(int[] sizes, string folder, string store, bool keep,
        Func<string, int, Dictionary<string, StepResult>> run)
    {
        var all = new Dictionary<int, Dictionary<string, StepResult>>();
        foreach (var size in sizes)
        {
            var here = Path.Combine(folder, $"{store}-{size}");
            if (Directory.Exists(here)) Directory.Delete(here, recursive: true);
            Directory.CreateDirectory(here);
            try
            {
                all[size] = run(here, size);
            }
            finally
            {
                if (!keep) Directory.Delete(here, recursive: true);
            }
        }
        File.WriteAllText(Path.Combine(folder, $"results-{store}.json"), JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
        return all;
    }

    private static Dictionary<string, StepResult> LiteSizes(string here, int customers)
    {
        var results = new Dictionary<string, StepResult>();
        void Step(string name) => results[name] = Child(["scale-step", "lite", name, here, customers.ToString(CultureInfo.InvariantCulture)]);
        long Size(string file) => new FileInfo(file).Length + (File.Exists(LogOf(file)) ? new FileInfo(LogOf(file)).Length : 0);

        Step("raw-create");
        Step("create");
        var crm = LiteSteps.CrmFile(here);
        var raw = LiteSteps.RawFile(here);
        var afterCreate = Size(crm);
        var rawAfterCreate = Size(raw);
        Step("raw-append");
        Step("append");
        var afterAppend = Size(crm);
        var rawAfterAppend = Size(raw);
        Step("raw-read");
        Step("refresh");
        Step("sweep");
        Step("sweep-repeat");
        Step("fit");
        ImportSteps.Run(results, here, customers, Child);
        results["file"] = new StepResult
        {
            Step = "file",
            Count = customers,
            Extra = new()
            {
                ["bytes-after-create"] = afterCreate,
                ["bytes-after-append"] = afterAppend,
                ["bytes-per-customer"] = afterCreate / (double)customers,
                ["bytes-per-interaction"] = (afterAppend - afterCreate) / (double)(customers * (long)ScaleData.InteractionsPerCustomer),
                ["raw-bytes-per-customer"] = rawAfterCreate / (double)customers,
                ["raw-bytes-per-interaction"] = (rawAfterAppend - rawAfterCreate) / (double)(customers * (long)ScaleData.InteractionsPerCustomer),
            },
        };
        return results;
    }

    internal static string LogOf(string file) => Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "-log" + Path.GetExtension(file));

    /// <summary>Runs this program as a child process with <paramref name="arguments"/> and returns the result it prints.</summary>
    internal static StepResult Child(string[] arguments) => RunProcess("dotnet", [typeof(ScaleRun).Assembly.Location, .. arguments], arguments[2]);

    /// <summary>
    /// Runs a process to its end, echoing its output, and returns the result line it printed; a
    /// process that prints none (the CLI) gets one made from its time and the peak working set
    /// read from <c>/proc</c> while it ran.
    /// </summary>
    internal static StepResult RunProcess(string program, string[] arguments, string step)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Console.WriteLine($"## {step} ({DateTime.UtcNow:HH:mm:ss}, load {Load()})");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        StepResult? result = null;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        double peak = 0, cpu = 0;
        var poll = Task.Run(async () =>
        {
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakOf(process.Id));
                cpu = Math.Max(cpu, ProcessorSecondsOf(process.Id));
                await Task.Delay(100);
            }
        });
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(StepResult.Marker, StringComparison.Ordinal)) result = JsonSerializer.Deserialize<StepResult>(line[StepResult.Marker.Length..]);
            else if (line.Length > 0 && !line.Contains('\r')) Console.WriteLine("   " + line);
        }
        process.WaitForExit();
        poll.Wait();
        if (process.ExitCode != 0) throw new InvalidOperationException($"step {step} failed with exit code {process.ExitCode}: {errors}");
        result ??= new StepResult { Step = step, Seconds = watch.Elapsed.TotalSeconds, ProcessorSeconds = cpu, PeakMegabytes = peak };
        Console.WriteLine("   " + result);
        return result;
    }

    private static double PeakOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    /// <summary>
    /// The user and system processor time of a running process so far, from <c>/proc/PID/stat</c>
    /// (in clock ticks of 1/100 s), read while it runs: the last reading falls within 0.1 s of its end.
    /// </summary>
    private static double ProcessorSecondsOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of the line (utime, stime) are 12 and 13 after the command name and state.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static void Report(string title, Dictionary<int, Dictionary<string, StepResult>> all, string folder, string store)
    {
        var sizes = all.Keys.Order().ToArray();
        var table = new StringBuilder();
        table.AppendLine().AppendLine($"### {title}").AppendLine();
        table.Append("| step | baseline |");
        foreach (var n in sizes) table.Append(CultureInfo.InvariantCulture, $" {n:N0}: time | cpu | per customer | peak WS | vs baseline |");
        table.AppendLine(sizes.Length > 1 ? " per-customer ratio |" : "");
        table.Append("|---|---|");
        foreach (var _ in sizes) table.Append("---:|---:|---:|---:|---:|");
        table.AppendLine(sizes.Length > 1 ? "---:|" : "");
        var steps = all[sizes[0]].Keys.Where(k => k != "file").ToArray();
        foreach (var step in steps)
        {
            var baseline = BaselineOf(step);
            table.Append(CultureInfo.InvariantCulture, $"| {step} | {baseline ?? "—"} |");
            foreach (var n in sizes)
            {
                var r = all[n][step];
                var vs = baseline is not null && all[n].TryGetValue(baseline, out var b) && b.Seconds > 0
                    ? (r.Seconds / b.Seconds * BaselineScale(step, n)).ToString("F2", CultureInfo.InvariantCulture) + "×"
                    : "—";
                table.Append(CultureInfo.InvariantCulture, $" {r.Seconds:F1} s | {r.ProcessorSeconds:F1} s | {r.Seconds / n * 1e6:F1} µs | {r.PeakMegabytes:F0} MB | {vs} |");
            }
            if (sizes.Length > 1)
            {
                var first = all[sizes[0]][step].Seconds / sizes[0];
                var last = all[sizes[^1]][step].Seconds / sizes[^1];
                table.Append(CultureInfo.InvariantCulture, $" {last / first:F2} |");
            }
            table.AppendLine();
        }
        table.AppendLine().AppendLine("| figure | " + string.Join(" | ", sizes.Select(n => n.ToString("N0", CultureInfo.InvariantCulture))) + " |");
        table.AppendLine("|---|" + string.Concat(sizes.Select(_ => "---:|")));
        foreach (var key in all[sizes[0]].TryGetValue("file", out var file) ? file.Extra.Keys.ToArray() : [])
            table.AppendLine($"| {key} | " + string.Join(" | ", sizes.Select(n => all[n]["file"].Extra[key].ToString("N0", CultureInfo.InvariantCulture))) + " |");
        foreach (var (step, key) in steps.SelectMany(s => all[sizes[0]][s].Extra.Keys.Select(k => (s, k))))
            table.AppendLine($"| {step} {key} | " + string.Join(" | ", sizes.Select(n => all[n][step].Extra.GetValueOrDefault(key).ToString("N1", CultureInfo.InvariantCulture))) + " |");
        Console.WriteLine(table);
        File.WriteAllText(Path.Combine(folder, $"results-{store}.md"), table.ToString());
    }

    /// <summary>The raw baseline a step is compared with, if any.</summary>
    private static string? BaselineOf(string step) => step switch
    {
        "create" or "import-customers" => "raw-create",
        "append" => "raw-append",
        "import-interactions" => "raw-append",
        "refresh" or "sweep" or "sweep-repeat" => "raw-read",
        _ => null,
    };

    /// <summary>
    /// Scales a baseline's time to the same number of records: the interaction import writes one
    /// interaction per customer, while the raw append wrote ten.
    /// </summary>
    private static double BaselineScale(string step, int customers) => step == "import-interactions" ? ScaleData.InteractionsPerCustomer : 1.0;
}
