namespace CrmKit.Benchmarks.Scale;

/// <summary>The child process of one scale step: <c>scale-step STORE STEP FOLDER CUSTOMERS</c>.</summary>
internal static class ScaleStep
{
    internal static int Run(string store, string step, string folder, int customers) => store switch
    {
        "lite" => LiteSteps.Run(step, folder, customers),
        _ => throw new ArgumentException($"unknown store '{store}'"),
    };
}
