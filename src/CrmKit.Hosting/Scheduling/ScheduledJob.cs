namespace CrmKit.Hosting.Scheduling;

/// <summary>A registered job paired with its schedule.</summary>
internal sealed record ScheduledJob(ICrmJob Job, JobSchedule Schedule)
{
    internal string Name => Job.Name;
}
