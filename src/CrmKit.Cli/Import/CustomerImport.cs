using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmKit.Cli;

/// <summary>
/// How <c>crmkit import customers</c> applies a file: create only, or update the customers that
/// exist (<c>--update</c>); keyed by code or by the source system's identifier (<c>--key</c>); the
/// system the file comes from (<c>--system</c>), the identity attributes new records are matched
/// on (<c>--identity</c>) and the matches that merge at once (<c>--merge-on</c>). The whole file is
/// one <see cref="CustomerBook.Sync"/>: all rows or none.
/// </summary>
internal sealed partial class CustomerImport
{
    internal bool Update { get; init; }

    internal SyncKey Key { get; init; }

    internal string? System { get; init; }

    internal IReadOnlyList<string> Identity { get; init; } = [];

    internal IReadOnlyList<string> MergeOn { get; init; } = [];

    /// <summary>The sync options, or a usage error naming the option that cannot work.</summary>
    /// <exception cref="CommandFailure">The options contradict each other or name undeclared attributes.</exception>
    internal SyncOptions Options(CrmDatabase crm)
    {
        if (Key == SyncKey.SourceId && System is null) throw new CommandFailure(CrmKitCli.UsageError, "--key source-id needs --system, the system the identifiers belong to.");
        var declared = crm.Options.Attributes.Attributes;
        foreach (var name in Identity.Where(n => !declared.ContainsKey(n)))
            throw new CommandFailure(CrmKitCli.UsageError, $"--identity: attribute '{Printable.Cell(name)}' is not declared in the database's settings.");
        foreach (var on in MergeOn.Where(o => o is not ("phone" or "email") && !Identity.Contains(o)))
            throw new CommandFailure(CrmKitCli.UsageError, $"--merge-on: '{Printable.Cell(on)}' is neither phone, email nor an attribute named with --identity.");
        return new SyncOptions { System = System, Key = Key, Update = Update, IdentityAttributes = Identity, MergeOn = MergeOn };
    }

    /// <summary>Writes the rows as one sync and says what it did; an error the database found names the row's line and column.</summary>
    /// <exception cref="CommandFailure">A row cannot be applied (a stage the model does not allow from the customer's current one, say); nothing was written.</exception>
    internal void Write(CrmDatabase crm, CustomerRows rows, IReadOnlyList<SourceRecord> records, string file, TextWriter output)
    {
        SyncResult result;
        try
        {
            result = crm.Customers.Sync(records, Options(crm));
        }
        catch (CrmValidationException e) when (RecordField().Match(e.Field) is { Success: true } at)
        {
            var record = records[int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture)];
            var column = rows.ColumnOf(at.Groups[2].Value);
            throw new CommandFailure(CrmKitCli.Problems,
                $"{file}(line {rows.LineOf(record)}): error: column '{column}': {e.Reason} Nothing imported.");
        }
        output.WriteLine($"{result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, {result.Merged} merged into existing customers"
            + (result.Kept > 0 ? $"; {result.Kept} value(s) another system already gave were kept aside" : "") + ".");
        foreach (var merge in result.Merges) output.WriteLine($"Merged '{Printable.Cell(merge.Merged.Value)}' into '{Printable.Cell(merge.Survivor.Value)}': {Printable.Cell(merge.Reason)}.");
        if (result.Matches.Count > 0)
            output.WriteLine($"{result.Matches.Count} possible duplicate(s) added to the review list: see 'crmkit duplicates'.");
    }

    [GeneratedRegex(@"^records\[(\d+)\]\.(.+)$")]
    private static partial Regex RecordField();
}
