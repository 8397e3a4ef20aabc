namespace CrmKit.Cli;

/// <summary>One data row of a CSV file, as read.</summary>
/// <param name="Line">The file line the row starts on (the header is line 1).</param>
/// <param name="Fields">The fields, as many as the header has columns (missing ones are empty).</param>
/// <param name="Problem">Set when the row's shape is wrong (too many or too few fields, a stray quote).</param>
internal sealed record SourceRow(int Line, string[] Fields, ImportProblem? Problem);
