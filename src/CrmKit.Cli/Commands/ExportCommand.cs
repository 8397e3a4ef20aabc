using System.CommandLine;
using System.Text;

namespace CrmKit.Cli;

/// <summary>
/// The <c>crmkit export CODE</c> command: everything held about one customer, as JSON; and
/// <c>crmkit export --all --out DIR</c>: the whole base, one file per table (see <see cref="BulkCommands"/>).
/// </summary>
internal static class ExportCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string?>("code") { Description = "The customer code (a merged-away code exports the surviving customer). Leave it out with --all.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--out") { Description = "Write the JSON to this file (UTF-8) instead of the standard output; with --all, the folder for the table files. An existing file is replaced only with --force; the database's own files never." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file (with --all: the table files) if it exists." };
        var all = new Option<bool>("--all") { Description = "Export the whole base (customers, interactions, stage and grade history, claims, tasks, segments and members, identities) to --out, one file per table, streaming in bounded memory." };
        var format = new Option<string>("--format") { Description = "With --all: jsonl (JSON Lines, the default) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var db = DatabaseOption.Create();
        var command = new Command("export", "Print everything held about a customer as JSON (profile, stats, interactions, stage history, merges, erasures), or with --all export the whole base.")
        {
            code, file, force, all, format, db,
        };
        // Neither a customer nor --all is a wrong command line, refused like any other before anything runs.
        command.Validators.Add(result =>
        {
            if (result.GetValue(code) is null && !result.GetValue(all)) result.AddError("give a customer code, or --all to export the whole base.");
        });
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var path = parsed.GetValue(file);
            var database = DatabaseOption.FileOf(parsed.GetValue(db));
            if (parsed.GetValue(all))
            {
                if (parsed.GetValue(code) is not null) throw new CommandFailure(CrmKitCli.UsageError, "give a customer code or --all, not both.");
                var folder = path ?? throw new CommandFailure(CrmKitCli.UsageError, "--all needs --out, the folder to write the table files to.");
                return BulkCommands.ExportAll(output, parsed, db, folder, parsed.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.JsonLines, parsed.GetValue(force));
            }
            var customer = parsed.GetValue(code) ?? throw new CommandFailure(CrmKitCli.UsageError, "give a customer code, or --all to export the whole base.");
            // Refused before the database is even opened: a wrong --out costs nothing.
            if (path is not null) OutputFile.Check(path, parsed.GetValue(force), database);
            using var crm = DatabaseOption.Open(parsed.GetValue(db)!);
            var json = crm.PersonalData.Export(customer);
            if (path is null)
            {
                output.WriteLine(json);
                return CrmKitCli.Success;
            }
            var bytes = new UTF8Encoding(false).GetBytes(json + Environment.NewLine);
            OutputFile.Write(path, parsed.GetValue(force), stream => stream.Write(bytes), database);
            output.WriteLine($"Exported customer '{Printable.Cell(customer)}' to {path}.");
            return CrmKitCli.Success;
        }));
        return command;
    }
}
