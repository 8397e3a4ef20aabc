using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>
/// <c>crmkit export --all --out DIR [--format jsonl|csv]</c> and <c>crmkit restore DIR</c>: the
/// whole base out as one file per table, and such an export into a fresh database.
/// </summary>
internal static class BulkCommands
{
    /// <summary>Exports the whole base to <paramref name="folder"/>; every target file is checked before the database is opened.</summary>
    internal static int ExportAll(TextWriter output, ParseResult parsed, Option<string> db, string folder, ExportFormat format, bool force)
    {
        if (File.Exists(folder)) throw new CommandFailure(CrmKitCli.UsageError, $"refusing to write into '{folder}': it is a file, not a folder.");
        var database = DatabaseOption.FileOf(parsed.GetValue(db));
        foreach (var table in TransferSummary.Tables) OutputFile.Check(Path.Combine(folder, TransferSummary.FileName(table, format)), force, database);
        using var crm = DatabaseOption.Open(parsed.GetValue(db)!);
        var summary = crm.Bulk.Export(folder, format, overwrite: force);
        output.WriteLine($"Exported the base to {folder} as {(format == ExportFormat.Csv ? "CSV" : "JSON Lines")}:");
        Write(output, summary);
        return CrmKitCli.Success;
    }

    internal static Command Restore(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "A folder written by 'crmkit export --all' (JSON Lines or CSV, told by the file names)." };
        var db = DatabaseOption.Create();
        var command = new Command("restore", "Restore an export made with 'crmkit export --all' into a fresh (empty) database, all of it or nothing.") { folder, db };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var path = parsed.GetValue(folder)!;
            if (!Directory.Exists(path)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{path}': no such folder.");
            using var crm = DatabaseOption.Open(parsed, db, readOnly: false);
            var summary = crm.Bulk.Restore(path);
            crm.Checkpoint();
            output.WriteLine($"Restored {path} into {Printable.Cell(crm.Location)}:");
            Write(output, summary);
            return CrmKitCli.Success;
        }));
        return command;
    }

    private static void Write(TextWriter output, TransferSummary summary)
    {
        foreach (var (table, rows) in summary.Rows)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {TransferSummary.FileName(table, summary.Format),-22} {rows,12:N0} row(s)"));
    }
}
