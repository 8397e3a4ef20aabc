namespace CrmKit;

/// <summary>
/// The outcome of claiming one scheduled run (<see cref="IJobRunLog.ClaimAsync"/>). A granted claim
/// holds the job's lease in a shared database until it is disposed: dispose it after the run's
/// completion is recorded, so that no other instance starts the same run meanwhile. Disposing a
/// claim that was not granted does nothing; disposing twice does nothing.
/// </summary>
public sealed class JobClaim : IAsyncDisposable
{
    private IAsyncDisposable? _lease;

    internal JobClaim(JobClaimOutcome outcome, IAsyncDisposable? lease)
    {
        Outcome = outcome;
        _lease = lease;
    }

    /// <summary>What the claim found.</summary>
    public JobClaimOutcome Outcome { get; }

    /// <summary>True when the run is this instance's to do.</summary>
    public bool Granted => Outcome == JobClaimOutcome.Granted;

    /// <summary>Releases the job's lease, if the claim holds one.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _lease, null)?.DisposeAsync() ?? ValueTask.CompletedTask;
}
