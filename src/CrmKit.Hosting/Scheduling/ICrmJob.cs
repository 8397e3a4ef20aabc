namespace CrmKit.Hosting.Scheduling;

/// <summary>
/// A job the host runs on a schedule, such as a care sweep or a segment refresh. Register it with
/// <c>services.AddCrmJob&lt;TJob&gt;()</c> and schedule it by name with
/// <c>o.Schedule(name, Daily.At("06:00", "Europe/Paris"))</c>. Jobs are singletons; a job never runs
/// twice at the same time.
/// </summary>
public interface ICrmJob
{
    /// <summary>The job's name, unique in the host, as used in <c>CrmKit:Schedules</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the job once. Returning marks the run completed (it is recorded in the database file);
    /// throwing marks it failed (logged, counted, and reported by the health check).
    /// </summary>
    /// <param name="context">The database, the scheduled instant and a logger.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    Task RunAsync(CrmJobContext context, CancellationToken cancellationToken);
}
