namespace CrmKit;

/// <summary>What an instance did about one scheduled run (<see cref="JobAttempt"/>).</summary>
public enum JobAttemptOutcome
{
    /// <summary>It ran the job and recorded the run as completed.</summary>
    Completed,

    /// <summary>It skipped the run: another instance runs or ran it, or its own previous run was still going.</summary>
    Skipped,

    /// <summary>It ran the job and the job failed.</summary>
    Failed,
}
