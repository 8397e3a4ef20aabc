namespace CrmKit.Hosting.Scheduling;

/// <summary>What the scheduler knows about one job right now.</summary>
/// <param name="NextDue">The instant the scheduler is waiting for, once its timer is set.</param>
/// <param name="LastDue">The due instant of the last run that ended.</param>
/// <param name="LastFailure">Why the last run that ended failed, or null when it completed.</param>
/// <param name="Running">True while a run is going.</param>
internal sealed record JobStatus(DateTimeOffset? NextDue, DateTimeOffset? LastDue, string? LastFailure, bool Running)
{
    /// <summary>The due instant of the last run this instance skipped, or null.</summary>
    internal DateTimeOffset? LastSkipped { get; init; }

    /// <summary>Why that run was skipped: <c>still-running</c>, <c>running-elsewhere</c> or <c>completed-elsewhere</c>.</summary>
    internal string? LastSkipReason { get; init; }

    /// <summary>How many runs this instance has skipped since it started.</summary>
    internal int Skips { get; init; }
}
