using System.CommandLine;
using System.Globalization;
using CrmKit.Scripting;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit care …</c> command group.</summary>
internal static class CareCommands
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var at = new Option<string?>("--at") { Description = "The instant to sweep at, ISO-8601 (for example 2026-12-01T09:00:00+08:00); now when omitted." };
        var scripts = new Option<FileInfo[]>("--script")
        {
            Description = "A care script to run beside the built-in rules; the rule is named after the file (birthday-sms.csx → birthday-sms). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var changed = new Option<bool>("--changed") { Description = "Evaluate only customers changed since the previous sweep." };
        var noBuiltIn = new Option<bool>("--no-built-in") { Description = "Run only the given scripts, not the built-in rules." };
        var stageScripts = StageCommands.ScriptOption("--stage-script");
        var sweep = new Command("sweep", "Evaluate the stage rules the database runs (and any stage scripts), then the care rules, for every customer, and create the care tasks the contact policy allows.")
        {
            db, at, scripts, changed, noBuiltIn, stageScripts,
        };
        sweep.SetAction(p => Sweep(new CliSession(output, error, p), p.GetValue(db)!, p.GetValue(at), p.GetValue(scripts) ?? [], p.GetValue(changed), p.GetValue(noBuiltIn),
            p.GetValue(stageScripts) ?? []));
        return new Command("care", "Care sweeps, the tasks they made, what the contact policy held back, contact attempts, and who holds each task.")
        {
            sweep, CareListCommands.Tasks(output, error), CareListCommands.Suppressions(output, error),
            CareCloseCommands.Complete(output, error), CareCloseCommands.Decline(output, error),
            AttemptCommands.ForTask(output, error), AttemptCommands.Settle(output, error),
            OwnerCommands.ClaimTask(output, error), OwnerCommands.AssignTask(output, error), OwnerCommands.TransferTask(output, error),
        };
    }

    private static int Sweep(CliSession session, string db, string? atText, FileInfo[] scriptFiles, bool changed, bool noBuiltIn, string[] stageSpecs)
    {
        if (!StageCommands.TryRead(session, stageSpecs, out var stageSources)) return CrmKitCli.UsageError;
        DateTimeOffset? at = null;
        if (atText is not null)
        {
            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                session.Fail($"--at '{atText}' is not an ISO-8601 instant.");
                return CrmKitCli.UsageError;
            }
            at = parsed;
        }
        var sources = new List<(string Name, string Source, string Path)>();
        foreach (var file in scriptFiles)
        {
            if (!session.TryRead(file, out var source)) return CrmKitCli.UsageError;
            sources.Add((Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant(), source, file.ToString()));
        }
        return session.Run(db, crm =>
        {
            var rules = new List<ICareRule>(noBuiltIn ? [] : CareRules.Defaults());
            var compiled = sources.Select(s => session.Engine.CompileCare(s.Source, s.Path)).ToList();
            using var stageScripts = StageCommands.Compile(session, stageSources);
            try
            {
                rules.AddRange(sources.Select((s, i) => new ScriptedCareRule(s.Name, compiled[i])));
                var result = session.Console.Status().Start("Sweeping…", _ => stageScripts.Rules.Count == 0
                    ? crm.Care.Sweep(rules, at, changed)
                    : crm.Care.Sweep(rules, [.. crm.Lifecycle.Rules, .. stageScripts.Rules], at, changed));
                if (result.Stages is { } stages) StageCommands.Write(session.Console, stages);
                var table = new Table().AddColumns("At", "Customers", "Proposed", "Created", "Already known", "Suppressed", "Expired");
                table.AddRow(result.At.ToString("o", CultureInfo.InvariantCulture), N(result.Evaluated), N(result.Proposed), N(result.Created),
                    N(result.AlreadyKnown), N(result.Suppressed), N(result.Expired));
                session.Console.Write(table);
                FailureList.Write(session.Console, result.Failures);
                var stageFailures = result.Stages?.Count(StageRuleOutcome.Failed) ?? 0;
                return result.Failures.Count == 0 && stageFailures == 0 ? CrmKitCli.Success : CrmKitCli.Problems;
            }
            finally
            {
                foreach (var script in compiled) script.Dispose();
            }
        });
    }

    private static string N(int value) => SegmentCommands.N(value);
}
