using System.CommandLine;
using System.Globalization;
using CrmKit.Scripting;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit stage apply</c>: runs the stage rules over every customer (or those changed since the
/// last run) and records each move with the reason <c>rule NAME</c>; a move the stage model does not
/// allow is reported, never made. Stage scripts given as <c>STAGE=FILE</c> run beside the built-in rules.
/// </summary>
internal static class StageCommands
{
    /// <summary>How many proposals not made are listed; the rest are counted.</summary>
    private const int ListedReports = 20;

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var at = new Option<string?>("--at") { Description = "The instant to evaluate at, ISO-8601; now when omitted." };
        var changed = new Option<bool>("--changed") { Description = "Evaluate only customers changed since the previous run (lapses need a full run now and then)." };
        var noBuiltIn = new Option<bool>("--no-built-in") { Description = "Run only the given scripts, not the built-in rules." };
        var scripts = ScriptOption("--script");
        var apply = new Command("apply", "Run the stage rules (the built-in ones with the stored factors, and any stage scripts) and record the moves they make.")
        {
            db, at, changed, noBuiltIn, scripts,
        };
        apply.SetAction(p =>
        {
            var session = new CliSession(output, error, p);
            if (!TryRead(session, p.GetValue(scripts) ?? [], out var sources)) return CrmKitCli.UsageError;
            return session.Run(p.GetValue(db)!, crm =>
            {
                var rules = new List<IStageRule>(p.GetValue(noBuiltIn) ? [] : (crm.Options.StageRules with { UseBuiltIn = true }).Rules());
                using var compiled = Compile(session, sources);
                rules.AddRange(compiled.Rules);
                var run = session.Console.Status().Start("Applying stage rules…", _ => crm.Lifecycle.ApplyRules(rules, CampaignCommands.Instant(p.GetValue(at)), p.GetValue(changed)));
                Write(session.Console, run);
                return run.Reports.Any(r => r.Outcome == StageRuleOutcome.Failed) ? CrmKitCli.Problems : CrmKitCli.Success;
            });
        });
        return new Command("stage", "Lifecycle stages changed by rule.") { apply };
    }

    /// <summary>The <c>STAGE=FILE</c> option of stage scripts.</summary>
    internal static Option<string[]> ScriptOption(string name) => new(name)
    {
        Description = "A stage script as STAGE=FILE: a segment script (true or false for a customer) that moves the customers it selects to STAGE; the rule is named after the file. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads the scripts of <c>STAGE=FILE</c> specs, or reports why not (exit code 2).</summary>
    internal static bool TryRead(CliSession session, string[] specs, out List<(string Name, StageId To, string Source, string Path)> sources)
    {
        sources = [];
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            StageId stage = default;
            if (equals <= 0 || equals == spec.Length - 1 || !TryStage(spec[..equals], out stage))
            {
                session.Fail($"stage script '{Printable.Message(spec)}' is not STAGE=FILE (for example mature=stages/loyal.csx).");
                return false;
            }
            var file = new FileInfo(spec[(equals + 1)..]);
            if (!session.TryRead(file, out var source)) return false;
            sources.Add((Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant(), stage, source, file.ToString()));
        }
        return true;
    }

    /// <summary>Compiles stage scripts into rules; disposing the result unloads them.</summary>
    internal static CompiledStageRules Compile(CliSession session, IEnumerable<(string Name, StageId To, string Source, string Path)> sources)
    {
        var compiled = new CompiledStageRules();
        try
        {
            foreach (var (name, to, source, path) in sources)
            {
                var script = session.Engine.CompileSegment(source, path);
                compiled.Scripts.Add(script);
                compiled.Rules.Add(new ScriptedStageRule(name, script, to));
            }
            return compiled;
        }
        catch
        {
            compiled.Dispose();
            throw;
        }
    }

    /// <summary>What a run did: the moves made, and the proposals not made (the first few listed).</summary>
    internal static void Write(IAnsiConsole console, StageRuleRun run)
    {
        var table = new Table().AddColumns("At", "Customers", "Moved", "Changes", "Not allowed", "Superseded", "Failed");
        table.AddRow(CareNames.Iso(run.At), N(run.Evaluated), N(run.CustomersChanged), N(run.Changes.Count),
            N(run.Count(StageRuleOutcome.NotAllowed)), N(run.Count(StageRuleOutcome.Superseded)), N(run.Count(StageRuleOutcome.Failed)));
        console.Write(table);
        var moves = run.Changes.GroupBy(c => (From: c.From?.Name ?? "-", To: c.To.Name, c.Reason)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.From, StringComparer.Ordinal);
        if (run.Changes.Count > 0)
        {
            var byMove = new Table().AddColumns("From", "To", "Reason", "Customers");
            foreach (var g in moves) byMove.AddRow(Printable.Markup(g.Key.From), Printable.Markup(g.Key.To), Printable.Markup(g.Key.Reason), N(g.Count()));
            console.Write(byMove);
        }
        var problems = run.Reports.Where(r => r.Outcome != StageRuleOutcome.Superseded).ToArray();
        foreach (var r in problems.Take(ListedReports))
        {
            var what = r.Outcome == StageRuleOutcome.Failed ? "failed" : "not allowed";
            console.WriteLine($"{what}: {Printable.Message(r.Customer.Value)} rule {Printable.Message(r.Rule)} {Printable.Message(r.From.Name)} → {Printable.Message(r.To?.Name ?? "?")}: {Printable.Message(r.Detail ?? "")}");
        }
        if (problems.Length > ListedReports) console.WriteLine($"… and {N(problems.Length - ListedReports)} more.");
    }

    private static bool TryStage(string text, out StageId stage)
    {
        try
        {
            stage = new StageId(text);
            return true;
        }
        catch (CrmValidationException)
        {
            stage = default;
            return false;
        }
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Stage rules compiled from scripts for one command; disposing unloads the scripts.</summary>
internal sealed class CompiledStageRules : IDisposable
{
    internal List<SegmentScript> Scripts { get; } = [];

    internal List<IStageRule> Rules { get; } = [];

    public void Dispose()
    {
        foreach (var script in Scripts) script.Dispose();
    }
}
