using System.Collections.Concurrent;
using CrmKit.Hosting.Scheduling;

namespace CrmKit.Hosting.Tests.Scheduling;

/// <summary>What the test jobs saw: every run's scheduled instant, and how many ran at once.</summary>
public sealed class JobLedger
{
    private int _running;

    public ConcurrentQueue<DateTimeOffset> Started { get; } = new();
    public ConcurrentQueue<DateTimeOffset> Completed { get; } = new();
    public int MostAtOnce { get; private set; }

    /// <summary>What a run does after it is counted; by default nothing.</summary>
    public Func<CrmJobContext, CancellationToken, Task> Work { get; set; } = (_, _) => Task.CompletedTask;

    public async Task RunAsync(CrmJobContext context, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref _running);
        lock (this) MostAtOnce = Math.Max(MostAtOnce, now);
        Started.Enqueue(context.ScheduledAt);
        try
        {
            await Work(context, ct);
            Completed.Enqueue(context.ScheduledAt);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

public sealed class RecordingJob(JobLedger ledger) : ICrmJob
{
    public const string JobName = "record";

    public string Name => JobName;

    public Task RunAsync(CrmJobContext context, CancellationToken cancellationToken) => ledger.RunAsync(context, cancellationToken);
}
