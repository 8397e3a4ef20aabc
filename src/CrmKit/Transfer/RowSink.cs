using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// Writes the rows of one exported table to a stream as they come, JSON Lines or CSV, holding no
/// more than one row: an export of any size runs in bounded memory.
/// </summary>
internal abstract class RowSink(TransferTable table, Stream stream) : IDisposable
{
    internal static readonly JsonSerializerOptions Compact = new() { Encoder = UnicodeJsonEncoder.Instance, WriteIndented = false };

    protected TransferTable Table { get; } = table;

    protected StreamWriter Writer { get; } = new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: false) { NewLine = "\n" };

    /// <summary>How many rows were written.</summary>
    internal long Rows { get; private set; }

    internal static RowSink Open(TransferTable table, Stream stream, ExportFormat format) =>
        format == ExportFormat.Csv ? new CsvSink(table, stream) : new JsonLinesSink(table, stream);

    /// <summary>Writes one row, its values in the table's column order.</summary>
    internal void Write(JsonObject row)
    {
        WriteRow(row);
        Rows++;
    }

    protected abstract void WriteRow(JsonObject row);

    public void Dispose() => Writer.Dispose();

    private sealed class JsonLinesSink(TransferTable table, Stream stream) : RowSink(table, stream)
    {
        protected override void WriteRow(JsonObject row) => Writer.WriteLine(row.ToJsonString(Compact));
    }

    /// <summary>RFC 4180: a header line, then one line per row, CRLF between them; a cell is quoted when it must be, and an empty text always.</summary>
    private sealed class CsvSink : RowSink
    {
        internal CsvSink(TransferTable table, Stream stream) : base(table, stream)
        {
            Writer.NewLine = "\r\n";
            Writer.WriteLine(string.Join(',', table.Columns.Select(c => c.Column)));
        }

        protected override void WriteRow(JsonObject row)
        {
            for (var i = 0; i < Table.Columns.Count; i++)
            {
                if (i > 0) Writer.Write(',');
                var (column, kind) = Table.Columns[i];
                if (row[column] is not { } value) continue;
                Writer.Write(Quote(Cell(value, kind)));
            }
            Writer.WriteLine();
        }

        private static string Cell(JsonNode value, ColumnKind kind) => kind switch
        {
            ColumnKind.Json => value.ToJsonString(Compact),
            ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Boolean => value.ToJsonString(),
            _ => value.GetValue<string>(),
        };

        private static string Quote(string cell)
        {
            var plain = cell.Length > 0 && cell.Trim().Length == cell.Length && cell.IndexOfAny([',', '"', '\r', '\n']) < 0;
            return plain ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
    }
}

/// <summary>Reads the rows of one exported table back, JSON Lines or CSV, one at a time, each with the line it starts on.</summary>
internal static class RowSource
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <exception cref="CrmValidationException">A line is not a JSON object, a CSV header is not the table's, or a cell is not of its column's kind; the field names the file and line.</exception>
    internal static IEnumerable<(int Line, JsonObject Row)> Read(TransferTable table, Stream stream, ExportFormat format, string file)
    {
        using var reader = new StreamReader(stream, Strict, detectEncodingFromByteOrderMarks: false);
        foreach (var row in format == ExportFormat.Csv ? Csv(table, reader, file) : JsonLines(reader, file)) yield return row;
    }

    private static IEnumerable<(int Line, JsonObject Row)> JsonLines(StreamReader reader, string file)
    {
        var line = 0;
        while (Next(reader, file) is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new CrmValidationException($"{file}(line {line})", $"is not JSON: {e.Message}");
            }
            yield return (line, node as JsonObject ?? throw new CrmValidationException($"{file}(line {line})", "is not a JSON object."));
        }
    }

    private static string? Next(StreamReader reader, string file)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException)
        {
            throw new CrmValidationException(file, "is not valid UTF-8.");
        }
    }

    private static IEnumerable<(int Line, JsonObject Row)> Csv(TransferTable table, StreamReader reader, string file)
    {
        var records = new CsvRecords(reader, file);
        if (records.Next() is not { } header) yield break;
        var kinds = table.Columns.ToDictionary(c => c.Column, c => c.Kind, StringComparer.Ordinal);
        var names = header.Cells.Select(c => c ?? "").ToArray();
        foreach (var name in names.Where(n => !kinds.ContainsKey(n)))
            throw new CrmValidationException($"{file}(line 1)", $"column '{name}' is not a column of {table.Name} ({string.Join(", ", kinds.Keys)}).");
        while (records.Next() is { } record)
        {
            if (record.Cells.Count == 1 && record.Cells[0] is null) continue;
            if (record.Cells.Count != names.Length)
                throw new CrmValidationException($"{file}(line {record.Line})", $"has {record.Cells.Count} field(s) but the header has {names.Length}.");
            var row = new JsonObject();
            for (var i = 0; i < names.Length; i++) row[names[i]] = Node(record.Cells[i], kinds[names[i]], $"{file}(line {record.Line}) {names[i]}");
            yield return (record.Line, row);
        }
    }

    private static JsonNode? Node(string? cell, ColumnKind kind, string field)
    {
        if (cell is null) return null;
        try
        {
            return kind switch
            {
                ColumnKind.Integer => JsonValue.Create(long.Parse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
                ColumnKind.Decimal => JsonValue.Create(decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture)),
                ColumnKind.Boolean => JsonValue.Create(cell switch { "true" => true, "false" => false, _ => throw new FormatException($"\"{cell}\" is not true or false.") }),
                ColumnKind.Json => JsonNode.Parse(cell),
                _ => JsonValue.Create(cell),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or JsonException)
        {
            throw new CrmValidationException(field, $"\"{cell}\" is not a {kind.ToString().ToLowerInvariant()} value: {e.Message}");
        }
    }
}
