using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CrmKit.Cli.Tests.Database;

/// <summary>
/// Several processes on one file, through the real <c>crmkit</c> program run as child processes: a
/// writer (imports, care sweeps, segment refreshes) beside readers (report, customer show, segment
/// preview), round after round. The file lock lets one writer or several readers in at a time; the
/// others wait. Nothing fails with a storage error, no acknowledged write is lost, no import is half
/// written, and every reader sees the state before or after the round's write, never one in between.
/// </summary>
public sealed class SeveralProcessesTests(ITestOutputHelper log) : IDisposable
{
    private const int Rounds = 20;
    private const int Customers = 20;
    private readonly CliSession _session = new();

    [Fact]
    public void A_writer_and_readers_in_other_processes_see_only_committed_states_and_lose_nothing()
    {
        Assert.Equal(0, _session.Crm("init").Exit);
        var rows = string.Concat(Enumerable.Range(0, Customers).Select(i => $"C{i},Customer {i} 李\n"));
        Assert.Equal(0, _session.Crm("import", "customers", _session.File("customers.csv", "code,name\n" + rows)).Exit);
        var buyers = _session.File("buyers.csx", "Customer.Stats.PurchaseCount > 0");
        Assert.Equal(0, _session.Crm("segment", "define", "buyers", buyers).Exit);

        var state = new State(0, 0, 0);
        var written = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            // Every seventh import has a bad last row: it must write nothing at all.
            var failing = round % 7 == 3;
            var import = _session.File($"round{round}.csv", Interactions(round, failing));
            var before = state;
            var after = failing ? state : state.After(round);

            var writer = Start("import", "interactions", import);
            var readers = new[] { Start("report"), Start("customer", "show", "C3"), Start("segment", "preview", buyers) };
            var sweep = round % 5 == 4 ? new[] { Start("care", "sweep"), Start("segment", "refresh") } : [];

            var wrote = writer.Finish();
            Assert.True(wrote.Exit == (failing ? 1 : 0), $"round {round} import: exit {wrote.Exit}\n{wrote.Output}{wrote.Error}");
            if (failing) Assert.Contains("Nothing imported", wrote.Error);
            else written[round] = Customers + 1;
            foreach (var finished in readers.Concat(sweep).Select(p => p.Finish()))
            {
                Assert.True(finished.Exit == 0, $"round {round} {finished.Command}: exit {finished.Exit}\n{finished.Output}{finished.Error}");
                var seen = Seen(finished);
                Assert.True(seen is null || seen == Pick(before, finished.Command) || seen == Pick(after, finished.Command),
                    $"round {round} {finished.Command} saw {seen}; committed states were {Pick(before, finished.Command)} and {Pick(after, finished.Command)}");
            }
            state = after;
        }
        log.WriteLine($"{Rounds} rounds in {clock.Elapsed.TotalSeconds:F1} s");

        using var crm = _session.Open();
        var byRound = new Dictionary<int, int>();
        var total = 0;
        for (var c = 0; c < Customers; c++)
        {
            Assert.Equal(crm.Interactions.RebuildStats($"C{c}"), crm.Interactions.Stats($"C{c}"));
            foreach (var interaction in crm.Interactions.For($"C{c}", new PageRequest(0, 10_000)).Items)
            {
                var round = int.Parse(interaction.Metadata["round"], CultureInfo.InvariantCulture);
                byRound[round] = byRound.GetValueOrDefault(round) + 1;
                total++;
            }
        }
        Assert.Equal(written, byRound);
        Assert.Equal(state.Interactions, total);
    }

    [Fact]
    public void A_command_in_another_process_is_refused_naming_the_holder_or_waits_for_it()
    {
        Assert.Equal(0, _session.Crm("init").Exit);
        var holder = _session.Open();
        holder.Customers.Create(new Customer("C-held", "Created while the file is held"));

        var refused = Start("report", "--wait", "0").Finish();
        Assert.Equal(1, refused.Exit);
        Assert.Contains($"'{_session.Db}' is in use by process {Environment.ProcessId}", refused.Error);

        var waiting = Start("customer", "show", "C-held", "--wait", "120");
        Thread.Sleep(TimeSpan.FromSeconds(1));
        holder.Dispose();
        var shown = waiting.Finish();
        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Contains("Created while the file is held", shown.Output);
    }

    /// <summary>Round <paramref name="round"/>: a first purchase for customer C(round mod 20) and an inquiry for every customer, all tagged with the round.</summary>
    private static string Interactions(int round, bool failing)
    {
        var at = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero).AddHours(round);
        var text = new StringBuilder("customer,kind,channel,occurred-at,amount,meta:round\n");
        text.Append(CultureInfo.InvariantCulture, $"C{round % Customers},purchase,store,{at:O},{10 + round},{round}\n");
        for (var c = 0; c < Customers; c++) text.Append(CultureInfo.InvariantCulture, $"C{c},inquiry,phone,{at.AddMinutes(c):O},,{round}\n");
        if (failing) text.Append(CultureInfo.InvariantCulture, $"C-nobody,inquiry,phone,{at:O},,{round}\n");
        return text.ToString();
    }

    /// <summary>What the readers can see: all interactions, customer C3's interactions, and how many customers have bought (each round's purchase is a new customer's first).</summary>
    private sealed record State(int Interactions, int OfC3, int Buyers)
    {
        internal State After(int round) => new(
            Interactions + Customers + 1,
            OfC3 + 1 + (round % Customers == 3 ? 1 : 0),
            Buyers + (round < Customers ? 1 : 0));
    }

    private static int Pick(State state, string command) =>
        command.StartsWith("report", StringComparison.Ordinal) ? state.Interactions
        : command.StartsWith("customer", StringComparison.Ordinal) ? state.OfC3
        : state.Buyers;

    /// <summary>The figure a reader printed, or null for the writers.</summary>
    private static int? Seen(Finished finished)
    {
        var pattern = finished.Command switch
        {
            var c when c.StartsWith("report", StringComparison.Ordinal) => @"│ Interactions\s+│\s+(\d+) │",
            var c when c.StartsWith("customer", StringComparison.Ordinal) => @"│ Interactions │ Purchases.*\n├.*\n│ (\d+)\s+│",
            var c when c.StartsWith("segment preview", StringComparison.Ordinal) => @"^(\d+) of \d+ customers match",
            _ => null,
        };
        if (pattern is null) return null;
        var match = Regex.Match(finished.Output, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"{finished.Command} printed no figure:\n{finished.Output}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private Running Start(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "CrmKit.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _session.Folder,
        };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(_session.Db);
        if (!args.Contains("--wait"))
        {
            start.ArgumentList.Add("--wait");
            start.ArgumentList.Add("120");
        }
        return new Running(string.Join(' ', args), Process.Start(start)!);
    }

    private sealed class Running(string command, Process process)
    {
        private readonly Task<string> _output = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> _error = process.StandardError.ReadToEndAsync();

        internal Finished Finish()
        {
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{command} did not end");
            }
            var finished = new Finished(command, process.ExitCode, _output.Result, _error.Result);
            process.Dispose();
            // A storage error inside LiteDB is the failure this test is about, whatever the exit code.
            Assert.DoesNotMatch("LiteDB|ReadFull|PAGE_SIZE|Unhandled exception", finished.Error);
            return finished;
        }
    }

    private sealed record Finished(string Command, int Exit, string Output, string Error);

    public void Dispose() => _session.Dispose();
}
