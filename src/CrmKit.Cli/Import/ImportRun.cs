using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// One import of a CSV file: read it, check every row, then either write every row in one
/// transaction or, when any row is bad, write nothing — unless bad rows are to be skipped, in
/// which case the good rows are written and the bad ones go to a rejects file.
/// </summary>
internal sealed class ImportRun<T>(IAnsiConsole console, TextWriter output, TextWriter error, string file, bool skipInvalid, string? encoding = null, bool force = false)
    where T : class
{
    /// <summary>Above this many rows, checking shows a progress bar.</summary>
    internal const int ProgressThreshold = 1_000;

    /// <summary>How many problems are printed; the rest are counted.</summary>
    internal const int ShownProblems = 100;

    /// <summary>Runs the import; returns the exit code.</summary>
    /// <param name="converterFor">Makes the row converter for the header, adding header problems to the list.</param>
    /// <param name="write">Writes the good records in one transaction.</param>
    /// <param name="noun">What a record is, for messages ("customer(s)").</param>
    internal int Execute(Func<string[], List<ImportProblem>, IRowConverter<T>> converterFor, Action<IReadOnlyList<T>> write, string noun)
    {
        var source = CsvSource.Read(file, file, encoding);
        var headerProblems = new List<ImportProblem>();
        var converter = converterFor(source.Header, headerProblems);
        if (headerProblems.Count > 0)
        {
            Print(headerProblems);
            error.WriteLine($"Nothing imported: the header of {file} has {headerProblems.Count} problem(s).");
            return CrmKitCli.Problems;
        }

        var good = new List<T>();
        var bad = new List<(SourceRow Row, IReadOnlyList<ImportProblem> Problems)>();
        void Check(SourceRow row)
        {
            var problems = new List<ImportProblem>();
            var record = row.Problem is null ? converter.Convert(row, problems) : null;
            if (row.Problem is not null) problems.Add(row.Problem);
            if (record is not null && problems.Count == 0) good.Add(record);
            else bad.Add((row, problems));
        }

        if (source.Rows.Count > ProgressThreshold)
        {
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Checking {source.Rows.Count:N0} rows", maxValue: source.Rows.Count);
                foreach (var row in source.Rows)
                {
                    Check(row);
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var row in source.Rows) Check(row);
        }

        Print(bad.SelectMany(b => b.Problems));

        if (bad.Count > 0 && !skipInvalid)
        {
            error.WriteLine($"Nothing imported: {bad.Count} of {source.Rows.Count} row(s) in {file} have errors. Fix them, or import the others with --skip-invalid.");
            return CrmKitCli.Problems;
        }

        var rejects = RejectsFile.PathFor(file);
        // Refused before anything is written, so the import is all or nothing here too.
        if (bad.Count > 0) RejectsFile.CheckWritable(rejects, force);

        if (good.Count > 0)
        {
            if (good.Count > ProgressThreshold) console.Status().Start($"Writing {good.Count:N0} {noun}", _ => write(good));
            else write(good);
        }
        if (bad.Count == 0)
        {
            output.WriteLine($"Imported {good.Count} {noun} from {file}.");
            return CrmKitCli.Success;
        }
        RejectsFile.Write(rejects, force, source.Header, bad.Select(b => (b.Row, string.Join("; ", b.Problems.Select(p => p.Describe())))));
        output.WriteLine($"Imported {good.Count} {noun} from {file}; skipped {bad.Count} invalid row(s), written to {rejects}.");
        return CrmKitCli.Success;
    }

    /// <summary>Prints the first <see cref="ShownProblems"/> problems, then how many more there were.</summary>
    private void Print(IEnumerable<ImportProblem> problems)
    {
        var count = 0;
        foreach (var p in problems)
        {
            if (++count <= ShownProblems) error.WriteLine(Printable.Message(p.Format(file)));
        }
        if (count > ShownProblems) error.WriteLine($"... and {count - ShownProblems:N0} more problem(s) not shown.");
    }
}
