namespace CrmKit.Cli;

/// <summary>
/// Runs a command's body and turns the errors it may meet into a message and an exit code:
/// <see cref="CommandFailure"/> carries its own code, a CrmKit error or a file error is 1.
/// </summary>
internal static class CommandRunner
{
    internal static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CommandFailure e)
        {
            error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            return e.ExitCode;
        }
        catch (CrmException e)
        {
            error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            return CrmKitCli.Problems;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            return CrmKitCli.Problems;
        }
    }
}
