using System.CommandLine;
using System.Text;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit export CODE</c> command: everything held about one customer, as JSON.</summary>
internal static class ExportCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("code") { Description = "The customer code (a merged-away code exports the surviving customer)." };
        var file = new Option<string?>("--out") { Description = "Write the JSON to this file (UTF-8) instead of the standard output. An existing file is replaced only with --force; the database's own files never." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var db = DatabaseOption.Create();
        var command = new Command("export", "Print everything held about a customer as JSON: profile, stats, interactions, stage history, merges, erasures.")
        {
            code, file, force, db,
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var path = parsed.GetValue(file);
            // Refused before the database is even opened: a wrong --out costs nothing.
            if (path is not null) OutputFile.Check(path, parsed.GetValue(force), DatabaseOption.FileOf(parsed.GetValue(db)));
            using var crm = DatabaseOption.Open(parsed.GetValue(db)!);
            var json = crm.PersonalData.Export(parsed.GetValue(code)!);
            if (path is null)
            {
                output.WriteLine(json);
                return CrmKitCli.Success;
            }
            var bytes = new UTF8Encoding(false).GetBytes(json + Environment.NewLine);
            OutputFile.Write(path, parsed.GetValue(force), stream => stream.Write(bytes), DatabaseOption.FileOf(parsed.GetValue(db)));
            output.WriteLine($"Exported customer '{Printable.Cell(parsed.GetValue(code))}' to {path}.");
            return CrmKitCli.Success;
        }));
        return command;
    }
}
