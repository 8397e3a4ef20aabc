using System.Globalization;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// Prints the customers a segment or care rule failed for: the first few, escaped (a script chooses
/// the messages of the exceptions it throws), then how many more there were.
/// </summary>
internal static class FailureList
{
    /// <summary>How many failures are printed one by one.</summary>
    internal const int Shown = 20;

    internal static void Write(IAnsiConsole console, IReadOnlyList<EvaluationFailure> failures)
    {
        foreach (var failure in failures.Take(Shown)) console.WriteLine(Printable.Message("failed: " + failure));
        if (failures.Count > Shown)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {failures.Count - Shown:N0} more failures."));
    }
}
