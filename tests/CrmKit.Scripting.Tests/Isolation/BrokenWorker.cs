namespace CrmKit.Scripting.Tests.Isolation;

/// <summary>
/// A worker that answers with text where a frame belongs, as a runtime does when it prints a
/// message on standard output (a diagnostic port waiting for a tracing tool, say).
/// </summary>
internal static class BrokenWorker
{
    internal static int Run()
    {
        using var output = Console.OpenStandardOutput();
        output.Write("The runtime has been configured to pause during startup.\n"u8);
        output.Flush();
        // Wait for the host to end it, as a stuck worker would.
        using var input = Console.OpenStandardInput();
        var buffer = new byte[4096];
        while (input.Read(buffer) > 0)
        {
        }
        return 0;
    }
}
