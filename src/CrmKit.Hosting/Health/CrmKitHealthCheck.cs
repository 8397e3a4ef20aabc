using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Scripts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmKit.Hosting.Health;

/// <summary>
/// Reports the failure status when the database (a file, or a PostgreSQL server) does not answer or a job's last run failed, and
/// Degraded when a script of the watched folder is broken (its previous version, if any, still runs).
/// </summary>
internal sealed class CrmKitHealthCheck(CrmDatabase database, JobStatusBoard jobs, ScriptFolderStatus scripts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["database"] = database.Location };
        try
        {
            // One read transaction: for a server, a round trip that fails when the server is down or refuses.
            await database.JobRuns.LastCompletedAsync("crmkit-health", cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to read is exactly what the check reports.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The CrmKit database at {database.Location} does not answer.", e, data);
        }

        var failing = jobs.Snapshot().Where(j => j.Value.LastFailure is not null).ToDictionary(j => j.Key, j => j.Value.LastFailure!, StringComparer.Ordinal);
        foreach (var (job, failure) in failing) data["job:" + job] = failure;
        foreach (var (job, status) in jobs.Snapshot().Where(j => j.Value.LastSkipped is not null))
            data["skipped:" + job] = $"{status.LastSkipped!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture)} ({status.LastSkipReason})";
        var broken = scripts.Broken();
        foreach (var (name, diagnostics) in broken) data["script:" + name] = string.Join(Environment.NewLine, diagnostics);

        if (failing.Count > 0)
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The last run of {string.Join(", ", failing.Keys.Order(StringComparer.Ordinal))} failed.", data: data);
        if (broken.Count > 0)
            return HealthCheckResult.Degraded(
                $"Broken scripts: {string.Join(", ", broken.Keys.Order(StringComparer.Ordinal))}.", data: data);
        return HealthCheckResult.Healthy("The database answers, no job is failing and every script loads.", data);
    }
}
