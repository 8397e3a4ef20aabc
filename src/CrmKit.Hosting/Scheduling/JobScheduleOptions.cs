namespace CrmKit.Hosting.Scheduling;

/// <summary>
/// One entry of <c>CrmKit:Schedules</c>: a job name and either a daily time of day in a time zone
/// (<see cref="At"/>, <see cref="TimeZone"/>) or an interval (<see cref="Every"/>).
/// </summary>
public sealed class JobScheduleOptions
{
    /// <summary>The name of the job to run, as its <see cref="ICrmJob.Name"/>. Required.</summary>
    public string? Job { get; set; }

    /// <summary>A time of day, <c>HH:mm</c> or <c>HH:mm:ss</c>, for a daily job.</summary>
    public string? At { get; set; }

    /// <summary>The IANA time zone of <see cref="At"/>, such as <c>Europe/Paris</c>. Defaults to <c>UTC</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The interval of a repeating job, at least 1 second, such as <c>00:15:00</c>.</summary>
    public TimeSpan? Every { get; set; }
}
