using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>
/// The Spectre console a command writes tables and progress to. On the real console it uses
/// whatever colours and live rendering the terminal supports; on any other writer (a test, a
/// redirected stream) it writes plain text, so output stays readable and comparable.
/// </summary>
internal static class Terminal
{
    internal static IAnsiConsole For(TextWriter output)
    {
        if (ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected)
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
