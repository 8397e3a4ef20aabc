using System.Globalization;
using CrmKit.Hosting.Configuration;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Hosting.Scheduling;

/// <summary>
/// Runs the scheduled jobs. Each job has its own loop: wait (on the host's TimeProvider) until the
/// next due instant, start a run unless the previous one is still going (then the due run is skipped
/// and logged), repeat. A completed run is recorded in the database; at start, a job whose last
/// completed run is older than its most recent due instant runs once to catch up.
/// </summary>
/// <remarks>
/// Each run is first claimed through the database (<see cref="IJobRunLog.ClaimAsync"/>). When several
/// instances share a database on a server, the claim holds the job's lease until the run is recorded,
/// so one instance runs it; the others skip the run, and log, count and show the skip with its reason.
/// </remarks>
internal sealed partial class JobScheduler(
    IOptions<CrmKitOptions> options,
    CrmKitSection section,
    IEnumerable<ICrmJob> jobs,
    CrmDatabase database,
    JobStatusBoard board,
    CrmKitMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The longest single timer; longer waits are cut so a moved clock is noticed within this time.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly ILogger _logger = loggers.CreateLogger<JobScheduler>();
    private readonly string _instance = options.Value.InstanceName is { Length: > 0 } name ? name : $"{Environment.MachineName}/{Environment.ProcessId}";
    private IReadOnlyList<ScheduledJob> _scheduled = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduled = Match();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_scheduled.Select(job => RunLoopAsync(job, stoppingToken)));

    private List<ScheduledJob> Match()
    {
        var byName = new Dictionary<string, ICrmJob>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!byName.TryAdd(job.Name, job))
                throw new InvalidOperationException($"Two registered jobs are named '{job.Name}': {byName[job.Name].GetType().Name} and {job.GetType().Name}.");
        }
        var scheduled = new List<ScheduledJob>();
        var entries = options.Value.Schedules;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!byName.Remove(entry.Job!, out var job))
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{section.Path}:Schedules:{i}:Job '{entry.Job}' is not a registered job; register it with services.AddCrmJob<TJob>()."));
            scheduled.Add(new ScheduledJob(job, JobSchedule.TryCreate(entry, out _)!));
        }
        foreach (var name in byName.Keys) LogNotScheduled(name);
        return scheduled;
    }

    private async Task RunLoopAsync(ScheduledJob job, CancellationToken stop)
    {
        Task? running = null;
        try
        {
            var now = time.GetUtcNow();
            var missed = job.Schedule.MissedSince(await database.JobRuns.LastCompletedAsync(job.Name, stop).ConfigureAwait(false), now);
            var due = missed ?? job.Schedule.Next(now, now);
            if (missed is not null) LogCatchUp(job.Name, missed.Value);
            while (!stop.IsCancellationRequested)
            {
                await WaitUntilAsync(job.Name, due, stop).ConfigureAwait(false);
                // The board, not the task, says whether a run is going: a run marks itself ended as its last step.
                if (board.Find(job.Name) is { Running: true })
                {
                    LogSkipped(job.Name, due);
                    await RecordAttemptAsync(job.Name, due, JobAttemptOutcome.Skipped, CrmKitMetrics.StillRunning).ConfigureAwait(false);
                    board.Skipped(job.Name, due, CrmKitMetrics.StillRunning, started: false);
                    metrics.JobSkipped(job.Name);
                }
                else
                {
                    board.Started(job.Name);
                    var scheduledAt = due;
                    running = Task.Run(() => RunOnceAsync(job, scheduledAt, stop), CancellationToken.None);
                }
                due = job.Schedule.Next(due, time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        if (running is not null) await running.ConfigureAwait(false);
    }

    private async Task WaitUntilAsync(string job, DateTimeOffset due, CancellationToken stop)
    {
        while (true)
        {
            var left = due - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return;
            var delay = Task.Delay(left < LongestWait ? left : LongestWait, time, stop);
            board.Waiting(job, due); // published after the timer is set, so a test clock may move right away
            await delay.ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(ScheduledJob job, DateTimeOffset due, CancellationToken stop)
    {
        var started = time.GetTimestamp();
        using var activity = JobTracing.Start(job.Name);
        var context = new CrmJobContext(job.Name, database, due, loggers.CreateLogger("CrmKit.Jobs." + job.Name));
        try
        {
            var claim = await database.JobRuns.ClaimAsync(job.Name, due, job.Schedule.CoveredFrom(due), stop).ConfigureAwait(false);
            if (!claim.Granted)
            {
                var reason = claim.Outcome == JobClaimOutcome.RunningElsewhere ? "running-elsewhere" : "completed-elsewhere";
                LogSkippedElsewhere(job.Name, due, reason);
                // Recorded before the board shows it, so whoever sees the skip finds its record.
                await RecordAttemptAsync(job.Name, due, JobAttemptOutcome.Skipped, reason).ConfigureAwait(false);
                board.Skipped(job.Name, due, reason, started: true);
                metrics.JobSkipped(job.Name, reason);
                JobTracing.End(activity, "skipped", skipReason: reason);
                return;
            }
            try
            {
                LogStarted(job.Name, due);
                await job.Job.RunAsync(context, stop).ConfigureAwait(false);
                // The run completed, so it is recorded even when the host began stopping meanwhile.
                await database.JobRuns.RecordCompletedAsync(job.Name, due, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await RecordAttemptAsync(job.Name, due, JobAttemptOutcome.Completed, null).ConfigureAwait(false);
            }
            finally
            {
                // Released after the record and before the board says the run ended, so the next run never finds its own lease.
                await claim.DisposeAsync().ConfigureAwait(false);
            }
            board.Ended(job.Name, due, null);
            metrics.JobRan(job.Name, time.GetElapsedTime(started), "succeeded");
            JobTracing.End(activity, "succeeded");
            LogCompleted(job.Name, due, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Not recorded as completed: the next start catches up on it.
            board.Ended(job.Name, due, null);
            metrics.JobRan(job.Name, time.GetElapsedTime(started), "cancelled");
            JobTracing.End(activity, "cancelled");
            LogCancelled(job.Name, due);
        }
#pragma warning disable CA1031 // A job's failure must not stop the scheduler; it is logged, counted and reported by the health check.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await RecordAttemptAsync(job.Name, due, JobAttemptOutcome.Failed, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            board.Ended(job.Name, due, $"{e.GetType().Name}: {e.Message}");
            metrics.JobRan(job.Name, time.GetElapsedTime(started), "failed");
            JobTracing.End(activity, "failed", e);
            LogFailed(e, job.Name, due);
        }
    }

    /// <summary>Records the attempt in a shared database; a failure to record is logged, never thrown, so the schedule carries on.</summary>
    private async Task RecordAttemptAsync(string job, DateTimeOffset due, JobAttemptOutcome outcome, string? detail)
    {
        try
        {
            await database.JobRuns.RecordAttemptAsync(new JobAttempt(job, due, _instance, outcome, detail, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The record is for operators; the run's own outcome is already logged, counted and on the board.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAttemptNotRecorded(e, job, due, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{Job}' (due {Due:O}): the attempt ({Outcome}) could not be recorded in the database")]
    private partial void LogAttemptNotRecorded(Exception exception, string job, DateTimeOffset due, JobAttemptOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' is registered but not scheduled")]
    private partial void LogNotScheduled(string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' missed its run due at {Due:O}; running it now to catch up")]
    private partial void LogCatchUp(string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{Job}' was due at {Due:O} but its previous run is still going; this run is skipped")]
    private partial void LogSkipped(string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' was due at {Due:O} but another instance sharing the database runs or ran it ({Reason}); this run is skipped here")]
    private partial void LogSkippedElsewhere(string job, DateTimeOffset due, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' started (due {Due:O})")]
    private partial void LogStarted(string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' completed (due {Due:O}) in {Milliseconds} ms")]
    private partial void LogCompleted(string job, DateTimeOffset due, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job '{Job}' (due {Due:O}) was cancelled because the host is stopping")]
    private partial void LogCancelled(string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' (due {Due:O}) failed")]
    private partial void LogFailed(Exception exception, string job, DateTimeOffset due);
}
