using CrmKit.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the CrmKit health check: <c>services.AddHealthChecks().AddCrmKit()</c>.</summary>
public static class CrmKitHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that reports <paramref name="failureStatus"/> (Unhealthy by default) when the
    /// database does not answer or a scheduled job's last run failed, and Degraded when a script in
    /// the scripts folder is broken. Needs <c>AddCrmKit</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Defaults to <c>crmkit</c>.</param>
    /// <param name="failureStatus">The status reported on failure; null means Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddCrmKit(this IHealthChecksBuilder builder, string name = "crmkit",
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<CrmKitHealthCheck>(name, failureStatus, tags ?? []);
    }
}
