using CsvHelper;

namespace CrmKit.Cli;

/// <summary>
/// The rows an import with <c>--skip-invalid</c> left out, written next to the input as
/// <c>NAME.rejects.csv</c>: the original header and cells plus an <c>error</c> column.
/// </summary>
internal static class RejectsFile
{
    // Cells go back exactly as they came: no spreadsheet-formula escaping of values such as "-400".
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.None };

    /// <summary>Where the rejects of <paramref name="input"/> go: <c>customers.csv</c> → <c>customers.rejects.csv</c>.</summary>
    internal static string PathFor(string input) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".", Path.GetFileNameWithoutExtension(input) + ".rejects.csv");

    internal static void Write(string path, string[] header, IEnumerable<(SourceRow Row, string Error)> rejects)
    {
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, Options);
        foreach (var column in header) csv.WriteField(column);
        csv.WriteField("error");
        csv.EndRecord();
        foreach (var (row, error) in rejects)
        {
            foreach (var field in row.Fields) csv.WriteField(field);
            csv.WriteField(error);
            csv.EndRecord();
        }
    }
}
