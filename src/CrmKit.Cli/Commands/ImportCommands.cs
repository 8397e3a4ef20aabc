using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit import customers|interactions FILE.csv</c> command group.</summary>
internal static class ImportCommands
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var update = new Option<bool>("--update") { Description = "Update the customers that exist (by code, or by --key source-id) and create the rest, instead of refusing the file when one exists." };
        var key = new Option<string>("--key")
        {
            Description = "What finds a row's customer: 'code' (the default) or 'source-id' (the source-id column, through the identity map of --system).",
            DefaultValueFactory = _ => "code",
        };
        key.AcceptOnlyFromAmong("code", "source-id");
        var system = new Option<string?>("--system") { Description = "The source system the file comes from (for example cards): its source-id column is linked in the identity map, and values it gives are recorded as its own." };
        var identity = new Option<string[]>("--identity") { Description = "An attribute that identifies a person (an ID number, say): new customers are matched on it as on phone and email. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var mergeOn = new Option<string[]>("--merge-on") { Description = "Merge a new customer into the one existing customer it matches on this (phone, email or an --identity attribute) instead of adding the match to the review list. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        CustomerImport Settings(ParseResult p) => new()
        {
            Update = p.GetValue(update),
            Key = p.GetValue(key) == "source-id" ? SyncKey.SourceId : SyncKey.Code,
            System = p.GetValue(system),
            Identity = p.GetValue(identity) ?? [],
            MergeOn = p.GetValue(mergeOn) ?? [],
        };

        return new("import", "Import customers or interactions from a CSV file, all rows or none (see docs/cli.md for the columns).")
        {
            Build<SourceRecord>("customer",
                "Create one customer per row, or with --update also update existing ones (columns: code, name, tags, owner, grade, email, phone, birthday, time-zone, source-id, stage, attr:NAME, consent:CHANNEL). New customers are matched against the base; matches go to the review list (crmkit duplicates).",
                output, error,
                (p, crm, header, problems) => new CustomerRows(crm, Settings(p), header, problems),
                (p, crm, converter, records, file) => Settings(p).Write(crm, (CustomerRows)converter, records, file, output),
                (p, crm) => Settings(p).Options(crm),
                update, key, system, identity, mergeOn),
            Build<Interaction>("interaction", "Record one interaction per row (columns: customer, kind, channel, occurred-at, amount, outcome, notes, staff, meta:KEY).", output, error,
                (_, crm, header, problems) => new InteractionRows(crm, header, problems),
                (_, crm, _, interactions, _) => crm.Interactions.RecordBatch(interactions),
                null),
        };
    }

    private static Command Build<T>(
        string noun,
        string description,
        TextWriter output,
        TextWriter error,
        Func<ParseResult, CrmDatabase, string[], List<ImportProblem>, IRowConverter<T>> converter,
        Action<ParseResult, CrmDatabase, IRowConverter<T>, IReadOnlyList<T>, string> write,
        Action<ParseResult, CrmDatabase>? checkOptions,
        params Option[] extra) where T : class
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
        foreach (var option in extra) command.Options.Add(option);
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path)) throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{path}': no such file.");
            using var crm = DatabaseOption.Open(parsed, db, readOnly: false);
            checkOptions?.Invoke(parsed, crm);
            IRowConverter<T>? rows = null;
            return new ImportRun<T>(Terminal.For(output), output, error, path, parsed.GetValue(skipInvalid), parsed.GetValue(encoding), parsed.GetValue(force))
                .Execute((header, problems) => rows = converter(parsed, crm, header, problems), records => write(parsed, crm, rows!, records, path), noun + "(s)");
        }));
        return command;
    }
}
