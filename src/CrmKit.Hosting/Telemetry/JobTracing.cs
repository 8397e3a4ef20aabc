using System.Diagnostics;

namespace CrmKit.Hosting.Telemetry;

/// <summary>
/// The activity <c>crmkit.job</c> around each scheduled run, on CrmKit's activity source
/// (<see cref="CrmTelemetry.ActivitySourceName"/>), so a run's refreshes, sweeps and campaign runs
/// are its children. Tags: <c>crmkit.job.name</c>, and <c>crmkit.job.outcome</c> (<c>succeeded</c>,
/// <c>failed</c>, <c>cancelled</c>, <c>skipped</c>); a skipped run also has <c>crmkit.job.skip_reason</c>.
/// </summary>
internal static class JobTracing
{
    internal const string ActivityName = "crmkit.job";

    private static readonly ActivitySource Source = new(CrmTelemetry.ActivitySourceName, typeof(JobTracing).Assembly.GetName().Version?.ToString());

    internal static Activity? Start(string job) => Source.StartActivity(ActivityName)?.SetTag("crmkit.job.name", job);

    /// <summary>Tags how the run ended; a failure also sets the status to Error with the exception's type.</summary>
    internal static void End(Activity? activity, string outcome, Exception? failure = null, string? skipReason = null)
    {
        if (activity is null) return;
        activity.SetTag("crmkit.job.outcome", outcome);
        if (skipReason is not null) activity.SetTag("crmkit.job.skip_reason", skipReason);
        if (failure is null) return;
        activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        activity.SetTag("error.type", failure.GetType().FullName);
    }
}
