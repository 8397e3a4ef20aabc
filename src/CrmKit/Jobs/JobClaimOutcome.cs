namespace CrmKit;

/// <summary>What claiming a scheduled run found (<see cref="IJobRunLog.ClaimAsync"/>).</summary>
public enum JobClaimOutcome
{
    /// <summary>The run is this instance's: run it, record it, then dispose the claim.</summary>
    Granted,

    /// <summary>Another instance sharing the database is running the job now; skip this run.</summary>
    RunningElsewhere,

    /// <summary>Another instance has already completed the run due at this instant (or a later one); skip it.</summary>
    CompletedElsewhere,
}
