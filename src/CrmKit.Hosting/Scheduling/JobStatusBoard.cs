namespace CrmKit.Hosting.Scheduling;

/// <summary>The live state of every scheduled job, read by the health check. Thread-safe.</summary>
internal sealed class JobStatusBoard
{
    private readonly Dictionary<string, JobStatus> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal IReadOnlyDictionary<string, JobStatus> Snapshot()
    {
        lock (_lock) return new Dictionary<string, JobStatus>(_jobs, StringComparer.Ordinal);
    }

    internal JobStatus? Find(string job)
    {
        lock (_lock) return _jobs.GetValueOrDefault(job);
    }

    internal void Waiting(string job, DateTimeOffset due) => Update(job, s => s with { NextDue = due });

    internal void Started(string job) => Update(job, s => s with { Running = true });

    internal void Ended(string job, DateTimeOffset due, string? failure) =>
        Update(job, s => s with { LastDue = due, LastFailure = failure, Running = false });

    /// <summary>Records that the run due at <paramref name="due"/> was skipped for <paramref name="reason"/>; a run that had started (and found it was another instance's) has ended.</summary>
    internal void Skipped(string job, DateTimeOffset due, string reason, bool started) =>
        Update(job, s => s with { LastSkipped = due, LastSkipReason = reason, Skips = s.Skips + 1, Running = s.Running && !started });

    private void Update(string job, Func<JobStatus, JobStatus> change)
    {
        lock (_lock) _jobs[job] = change(_jobs.GetValueOrDefault(job) ?? new JobStatus(null, null, null, false));
    }
}
