namespace CrmKit.Cli;

/// <summary>What is wrong with one row of an imported file (or with its header, on line 1).</summary>
/// <param name="Line">The file line the row starts on, counting the header as line 1.</param>
/// <param name="Column">The column as written in the header, or null when the whole row is wrong.</param>
/// <param name="Message">What is wrong, naming the value.</param>
internal sealed record ImportProblem(int Line, string? Column, string Message)
{
    /// <summary>The problem without the file name: <c>line 7: column 'attr:age': expects Integer but got "forty"</c>.</summary>
    internal string Describe() => Column is null ? $"line {Line}: {Message}" : $"line {Line}: column '{Column}': {Message}";

    /// <summary>The problem as a compiler-style line: <c>customers.csv(line 7): error: column 'attr:age': …</c>.</summary>
    internal string Format(string file) =>
        Column is null ? $"{file}(line {Line}): error: {Message}" : $"{file}(line {Line}): error: column '{Column}': {Message}";
}
