using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit import customers|interactions FILE.csv</c> command group.</summary>
internal static class ImportCommands
{
    internal static Command Create(TextWriter output, TextWriter error) =>
        new("import", "Import customers or interactions from a CSV file, all rows or none (see docs/cli.md for the columns).")
        {
            Build("customer", "Create one customer per row (columns: code, name, tags, owner, grade, email, phone, birthday, time-zone, attr:NAME, consent:CHANNEL).", output, error,
                (crm, header, problems) => new CustomerRows(crm, header, problems),
                (crm, customers) => crm.Customers.CreateMany(customers, actor: "import")),
            Build("interaction", "Record one interaction per row (columns: customer, kind, channel, occurred-at, amount, outcome, notes, staff, meta:KEY).", output, error,
                (crm, header, problems) => new InteractionRows(crm, header, problems),
                (crm, interactions) => crm.Interactions.RecordBatch(interactions)),
        };

    private static Command Build<T>(
        string noun,
        string description,
        TextWriter output,
        TextWriter error,
        Func<CrmDatabase, string[], List<ImportProblem>, IRowConverter<T>> converter,
        Action<CrmDatabase, IReadOnlyList<T>> write) where T : class
    {
        var file = new Argument<string>("file") { Description = "The CSV file (comma-separated, first line names the columns); UTF-8 unless it starts with a byte-order mark or --encoding names another." };
        var encoding = new Option<string?>("--encoding")
        {
            Description = $"The file's encoding when it is not UTF-8 and has no byte-order mark, for example {SourceText.Examples}. Bytes the encoding does not allow are refused with their line and column.",
        };
        var force = new Option<bool>("--force") { Description = "With --skip-invalid, replace an existing FILE.rejects.csv." };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Import the valid rows and write the invalid ones to FILE.rejects.csv with an extra 'error' column, instead of importing nothing.",
        };
        var db = DatabaseOption.Create();
        var command = new Command(noun + "s", description) { file, skipInvalid, encoding, force, db };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{path}': no such file.");
            using var crm = DatabaseOption.Open(parsed, db, readOnly: false);
            return new ImportRun<T>(Terminal.For(output), output, error, path, parsed.GetValue(skipInvalid), parsed.GetValue(encoding), parsed.GetValue(force))
                .Execute((header, problems) => converter(crm, header, problems), records => write(crm, records), noun + "(s)");
        }));
        return command;
    }
}
