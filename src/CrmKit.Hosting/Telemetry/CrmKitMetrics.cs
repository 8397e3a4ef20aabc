using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CrmKit.Hosting.Telemetry;

/// <summary>
/// The instruments of the meter <c>CrmKit</c>, created through <see cref="IMeterFactory"/>. Registered
/// as a singleton by <c>AddCrmKit</c>; jobs such as care sweeps take it from DI and report through it.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Tag values come from small fixed sets or from names the application chose, never from data:
/// no customer code, name or occasion key is ever a tag. Instruments: <c>crmkit.care.tasks.created</c> (counter, tag <c>job</c>),
/// <c>crmkit.care.tasks.suppressed</c> (counter, tags <c>reason</c>: opted-out, no-consent, frequency-cap,
/// occasion-closed, closed-loop; and <c>job</c>),
/// <c>crmkit.script.failures</c> (counter, tags <c>script</c>: the script, rule or segment name; <c>reason</c>:
/// compile, a script failure code such as CRM1001, or exception),
/// <c>crmkit.job.duration</c> (histogram in seconds, tags <c>job</c>, <c>outcome</c>: succeeded, failed, cancelled),
/// <c>crmkit.job.skipped</c> (counter, tags <c>job</c> and <c>reason</c>: <c>still-running</c> when a run was due while
/// the previous one was still going, <c>running-elsewhere</c> or <c>completed-elsewhere</c> when another instance
/// sharing the database runs or ran it).
/// </remarks>
public sealed class CrmKitMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CrmKit";

    private readonly Counter<long> _tasksCreated;
    private readonly Counter<long> _tasksSuppressed;
    private readonly Counter<long> _scriptFailures;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobsSkipped;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public CrmKitMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tasksCreated = meter.CreateCounter<long>("crmkit.care.tasks.created", "{task}", "Care tasks created.");
        _tasksSuppressed = meter.CreateCounter<long>("crmkit.care.tasks.suppressed", "{task}", "Care tasks not created because the contact policy stood them down.");
        _scriptFailures = meter.CreateCounter<long>("crmkit.script.failures", "{failure}", "Scripts rejected on load or failing on evaluation.");
        _jobDuration = meter.CreateHistogram<double>("crmkit.job.duration", "s", "How long scheduled job runs (care sweeps, segment refreshes) took.");
        _jobsSkipped = meter.CreateCounter<long>("crmkit.job.skipped", "{run}", "Runs skipped because the previous run of the job was still going, or another instance runs or ran it.");
    }

    /// <summary>Counts <paramref name="count"/> care tasks created by <paramref name="job"/>.</summary>
    public void TasksCreated(long count = 1, string? job = null) =>
        _tasksCreated.Add(count, new KeyValuePair<string, object?>("job", job));

    /// <summary>Counts <paramref name="count"/> care tasks suppressed for <paramref name="reason"/> (the built-in jobs use <c>opted-out</c>, <c>no-consent</c>, <c>frequency-cap</c>, <c>occasion-closed</c> and <c>closed-loop</c>); keep it to a small fixed set.</summary>
    public void TasksSuppressed(string reason, long count = 1, string? job = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _tasksSuppressed.Add(count, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("job", job));
    }

    /// <summary>Counts one failure of <paramref name="script"/>: <c>compile</c> when it was rejected, a script failure code such as <c>CRM1001</c>, or <c>exception</c>; keep it to a small fixed set.</summary>
    public void ScriptFailed(string script, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _scriptFailures.Add(1, new KeyValuePair<string, object?>("script", script), new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>Records one run of <paramref name="job"/> that took <paramref name="duration"/> and ended with <paramref name="outcome"/>.</summary>
    public void JobRan(string job, TimeSpan duration, string outcome)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        _jobDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Counts one run of <paramref name="job"/> skipped because its previous run was still going.</summary>
    public void JobSkipped(string job) => JobSkipped(job, StillRunning);

    /// <summary>Counts one skipped run of <paramref name="job"/>, tagged with why: <c>still-running</c>, <c>running-elsewhere</c> or <c>completed-elsewhere</c>.</summary>
    public void JobSkipped(string job, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _jobsSkipped.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>The skip reason of a run due while the job's previous run on this instance was still going.</summary>
    public const string StillRunning = "still-running";
}
