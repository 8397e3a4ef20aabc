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

    /// <summary>Refuses now, before anything is imported, when the rejects file could not be written later.</summary>
    /// <exception cref="CommandFailure">The rejects file exists and <paramref name="force"/> is false.</exception>
    internal static void CheckWritable(string path, bool force) => OutputFile.Check(path, force);

    /// <summary>Writes the rejects whole, or not at all; an existing file is replaced only with <paramref name="force"/>.</summary>
    internal static void Write(string path, bool force, string[] header, IEnumerable<(SourceRow Row, string Error)> rejects) =>
        OutputFile.Write(path, force, stream =>
        {
            using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
            foreach (var column in header) csv.WriteField(column);
            csv.WriteField("error");
            csv.EndRecord();
            foreach (var (row, error) in rejects)
            {
                foreach (var field in row.Fields) csv.WriteField(field);
                csv.WriteField(error);
                csv.EndRecord();
            }
        });
}
