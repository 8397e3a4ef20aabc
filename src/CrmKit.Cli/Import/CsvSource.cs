using CsvHelper;

namespace CrmKit.Cli;

/// <summary>
/// A CSV file read whole: its header and its rows, each with the line it starts on. UTF-8 unless a
/// byte-order mark or <c>--encoding</c> says otherwise (see <see cref="SourceText"/>), and bytes the
/// encoding does not allow are refused with their line and column; comma-separated; fields may be
/// quoted and span lines. Empty lines are skipped.
/// </summary>
internal sealed class CsvSource
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    private CsvSource(string[] header, IReadOnlyList<SourceRow> rows)
    {
        Header = header;
        Rows = rows;
    }

    /// <summary>The header's column names, trimmed.</summary>
    internal string[] Header { get; }

    /// <summary>The data rows in file order.</summary>
    internal IReadOnlyList<SourceRow> Rows { get; }

    /// <exception cref="CommandFailure">The file is empty, has no header, is not valid in its encoding, or breaks the quoting rules.</exception>
    internal static CsvSource Read(string path, string displayName, string? encoding = null)
    {
        var text = SourceText.Read(path, encoding, displayName);
        try
        {
            using var reader = CsvHelper.CsvReader.FromText(text, Options);
            var header = reader.Headers.Select(h => h.Trim()).ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
                throw new CommandFailure(CrmKitCli.Problems, $"{displayName}(line 1): error: the file is empty; the first line must name the columns.");
            var rows = new List<SourceRow>();
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                var fields = reader.Current.ToArray();
                ImportProblem? problem = null;
                if (fields.Length != header.Length)
                    problem = new ImportProblem(line, null, $"has {fields.Length} field(s) but the header has {header.Length} column(s).");
                var padded = new string[header.Length];
                for (var i = 0; i < padded.Length; i++) padded[i] = i < fields.Length ? fields[i] ?? "" : "";
                rows.Add(new SourceRow(line, padded, problem));
            }
            return new CsvSource(header, rows);
        }
        catch (CsvFormatException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{displayName}(line {e.LineNumber}): error: {e.Message}");
        }
    }
}
