namespace CrmKit;

/// <summary>What a bulk export or restore moved: the format and how many rows each table had.</summary>
/// <param name="Format">JSON Lines or CSV.</param>
/// <param name="Rows">Rows per table, by table name (<c>customers</c>, <c>interactions</c>, <c>stage-history</c>, …), in the order the tables are read.</param>
public sealed record TransferSummary(ExportFormat Format, IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>The tables of an export, in the order a restore reads them: <c>customers</c>, <c>interactions</c>, <c>stage-history</c>, <c>grade-history</c>, <c>claims</c>, <c>tasks</c>, <c>segments</c>, <c>segment-members</c>, <c>identities</c>.</summary>
    public static IReadOnlyList<string> Tables { get; } = [.. TransferTable.All.Select(t => t.Name)];

    /// <summary>The file a table is written to in <paramref name="format"/>: <c>customers.jsonl</c>, <c>customers.csv</c>.</summary>
    public static string FileName(string table, ExportFormat format) =>
        (TransferTable.All.FirstOrDefault(t => t.Name == table) ?? throw new CrmValidationException("table", $"'{table}' is not a table of an export ({string.Join(", ", Tables)}).")).FileName(format);
}
