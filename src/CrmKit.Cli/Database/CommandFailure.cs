namespace CrmKit.Cli;

/// <summary>A command cannot go on; carries the message to print and the exit code to return.</summary>
internal sealed class CommandFailure(int exitCode, string message) : Exception(message)
{
    /// <summary>1 when the operation failed, 2 when the command line was wrong.</summary>
    internal int ExitCode { get; } = exitCode;
}
