using Microsoft.Extensions.Logging;

namespace CrmKit.Hosting.Jobs;

/// <summary>
/// Logs the customers a rule failed for in one run: the first <see cref="Logged"/> one by one, then
/// how many more. A script that fails for every customer of a large base would otherwise write one
/// warning per customer.
/// </summary>
internal static class FailureLog
{
    /// <summary>How many failures of one run are logged one by one.</summary>
    internal const int Logged = 100;

    internal static void Write(ILogger logger, string what, IReadOnlyList<EvaluationFailure> failures)
    {
        foreach (var failure in failures.Take(Logged)) logger.LogWarning("{What} failed: {Failure}", what, failure);
        if (failures.Count > Logged)
            logger.LogWarning("{What} failed for {More} more customers, not logged one by one.", what, failures.Count - Logged);
    }
}
