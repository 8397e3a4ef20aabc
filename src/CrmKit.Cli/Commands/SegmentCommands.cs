using System.CommandLine;
using System.Globalization;
using CrmKit.Scripting;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit segment …</c> command group: preview, define, refresh, explain.</summary>
internal static class SegmentCommands
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var db = CliSession.DbOption();
        var file = new Argument<FileInfo>("file") { Description = "The segment script (.csx)." };
        var sample = new Option<int>("--sample") { Description = "How many members to show.", DefaultValueFactory = _ => 10 };
        var preview = new Command("preview", "Evaluate a segment script over every customer now; prints the count, a sample and the time taken. Writes nothing.") { file, db, sample };
        preview.SetAction(p => Preview(new CliSession(output, error, p), p.GetValue(file)!, p.GetValue(db)!, p.GetValue(sample)));

        var name = new Argument<string>("name") { Description = "The segment's name (lower-case letters, digits, '-', '_', '.')." };
        var description = new Option<string>("--description") { Description = "What the segment is for.", DefaultValueFactory = _ => "" };
        var define = new Command("define", "Store a scripted segment (compiled and checked first).") { name, file, db, description };
        define.SetAction(p => Define(new CliSession(output, error, p), p.GetValue(name)!, p.GetValue(file)!, p.GetValue(db)!, p.GetValue(description)!));

        var only = new Option<string?>("--name") { Description = "Refresh only this segment." };
        var changed = new Option<bool>("--changed") { Description = "Evaluate only customers changed since each segment's last refresh." };
        var refresh = new Command("refresh", "Refresh the stored membership of every stored segment (or one).") { db, only, changed };
        refresh.SetAction(p => Refresh(new CliSession(output, error, p), p.GetValue(db)!, p.GetValue(only), p.GetValue(changed)));

        var code = new Argument<string>("code") { Description = "The customer code." };
        var explain = new Command("explain", "Why a customer is in or out of a segment.") { name, code, db };
        explain.SetAction(p => Explain(new CliSession(output, error, p), p.GetValue(name)!, p.GetValue(code)!, p.GetValue(db)!));

        return new Command("segment", "Preview, define, refresh and explain segments.") { preview, define, refresh, explain };
    }

    private static int Preview(CliSession session, FileInfo file, string db, int sample)
    {
        if (sample < 0) { session.Fail($"--sample {sample} is negative."); return CrmKitCli.UsageError; }
        if (!session.TryRead(file, out var source)) return CrmKitCli.UsageError;
        return session.Read(db, crm =>
        {
            using var script = session.Engine.CompileSegment(source, file.ToString());
            var result = crm.Segments.Preview(new ScriptedSegment(script), sample);
            session.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Count} of {result.Evaluated} customers match ({result.Elapsed.TotalMilliseconds:F0} ms)."));
            var table = new Table().AddColumn("Sample member");
            foreach (var member in result.Sample) table.AddRow(Printable.Markup(member.Value));
            session.Console.Write(table);
            FailureList.Write(session.Console, result.Failures);
            return result.Failures.Count == 0 ? CrmKitCli.Success : CrmKitCli.Problems;
        });
    }

    private static int Define(CliSession session, string name, FileInfo file, string db, string description)
    {
        if (!session.TryRead(file, out var source)) return CrmKitCli.UsageError;
        return session.Run(db, crm =>
        {
            crm.Segments.Define(new SegmentDefinition(name, description, source));
            session.Console.WriteLine($"Segment '{name}' defined from {file}.");
            return CrmKitCli.Success;
        });
    }

    private static int Refresh(CliSession session, string db, string? only, bool changed) => session.Run(db, crm =>
    {
        var results = session.Console.Status().Start("Refreshing segments…", _ => only is null
            ? crm.Segments.RefreshAll(changed)
            : [changed ? crm.Segments.RefreshChanged(only) : crm.Segments.Refresh(only)]);
        var table = new Table().AddColumns("Segment", "Refresh", "Evaluated", "Members", "Entered", "Left", "Kind");
        foreach (var r in results)
            table.AddRow(Printable.Markup(r.Segment), N(r.Refresh), N(r.Evaluated), N(r.Members), N(r.Entered), N(r.Left), r.Incremental ? "changed only" : "full");
        session.Console.Write(table);
        session.Console.WriteLine($"{results.Count} segment(s) refreshed.");
        var failures = results.SelectMany(r => r.Failures).ToList();
        FailureList.Write(session.Console, failures);
        return failures.Count == 0 ? CrmKitCli.Success : CrmKitCli.Problems;
    });

    private static int Explain(CliSession session, string name, string code, string db) => session.Read(db, crm =>
    {
        var why = crm.Segments.Explain(name, code);
        session.Console.WriteLine($"{why.Customer} {(why.Matches ? "matches" : "does not match")} '{why.Segment}' now; "
            + (why.IsMember ? $"member since {why.MemberSince:yyyy-MM-dd HH:mm zzz}." : "not a stored member."));
        var table = new Table().AddColumns("Condition", "Held", "Customer has");
        foreach (var c in why.Conditions) table.AddRow(Printable.Markup(c.Condition), c.Held ? "yes" : "no", Printable.Markup(c.Observed));
        session.Console.Write(table);
        return CrmKitCli.Success;
    });

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
