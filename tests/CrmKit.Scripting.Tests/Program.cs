using CrmKit.Scripting.Tests.Corpus;

namespace CrmKit.Scripting.Tests;

/// <summary>
/// The test assembly's entry point. Under the test runner it does nothing; with
/// <c>--run-hostile FILE</c> it runs one script of the hostile corpus, so that a script which could
/// end the process (a stack overflow cannot be caught) is run in a child process the tests watch.
/// Started with no arguments it stands in for a broken script worker: a test points
/// <c>ScriptEngineOptions.WorkerPath</c> at this assembly, and a worker gets no arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["--run-hostile", var file] => HostileRunner.Run(file),
        [] => Isolation.BrokenWorker.Run(),
        _ => 0,
    };
}
