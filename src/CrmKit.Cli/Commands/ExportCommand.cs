using System.CommandLine;
using System.Text;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit export CODE</c> command: everything held about one customer, as JSON.</summary>
internal static class ExportCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("code") { Description = "The customer code (a merged-away code exports the surviving customer)." };
        var file = new Option<string?>("--out") { Description = "Write the JSON to this file (UTF-8) instead of the standard output." };
        var db = DatabaseOption.Create();
        var command = new Command("export", "Print everything held about a customer as JSON: profile, stats, interactions, stage history, merges, erasures.")
        {
            code, file, db,
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            using var crm = DatabaseOption.Open(parsed.GetValue(db)!);
            var json = crm.PersonalData.Export(parsed.GetValue(code)!);
            var path = parsed.GetValue(file);
            if (path is null)
            {
                output.WriteLine(json);
                return CrmKitCli.Success;
            }
            File.WriteAllText(path, json + Environment.NewLine, new UTF8Encoding(false));
            output.WriteLine($"Exported customer '{parsed.GetValue(code)}' to {path}.");
            return CrmKitCli.Success;
        }));
        return command;
    }
}
