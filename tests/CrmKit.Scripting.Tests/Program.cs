using CrmKit.Scripting.Tests.Corpus;

namespace CrmKit.Scripting.Tests;

/// <summary>
/// The test assembly's entry point. Under the test runner it does nothing; with
/// <c>--run-hostile FILE</c> it runs one script of the hostile corpus, so that a script which could
/// end the process (a stack overflow cannot be caught) is run in a child process the tests watch.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args is ["--run-hostile", var file] ? HostileRunner.Run(file) : 0;
}
