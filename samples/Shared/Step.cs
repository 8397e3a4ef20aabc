using Spectre.Console;

namespace CrmKit.Samples;

/// <summary>Prints a scenario step by step.</summary>
internal static class Step
{
    private static int _number;

    /// <summary>Starts a new numbered step.</summary>
    public static void Title(ScenarioClock clock, string text)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"[bold]{++_number}. {Markup.Escape(text)}[/] [grey]({clock.Today})[/]");
    }

    /// <summary>Prints one line of what happened.</summary>
    public static void Say(string text) => AnsiConsole.MarkupLine("   " + Markup.Escape(text));

    /// <summary>Opens a fresh database file named after the scenario in the working folder.</summary>
    public static CrmDatabase OpenFresh(string file, CrmOptions options)
    {
        foreach (var path in new[] { file, Path.ChangeExtension(file, null) + "-log.db" }) File.Delete(path);
        AnsiConsole.MarkupLine($"Fresh database [bold]{Markup.Escape(file)}[/].");
        return CrmDatabase.Open(options with { FilePath = file, CreateIfMissing = true });
    }
}
