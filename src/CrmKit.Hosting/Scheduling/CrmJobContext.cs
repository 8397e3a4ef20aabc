using Microsoft.Extensions.Logging;

namespace CrmKit.Hosting.Scheduling;

/// <summary>What a scheduled run of an <see cref="ICrmJob"/> is given. Immutable.</summary>
/// <param name="JobName">The job's name.</param>
/// <param name="Database">The host's database.</param>
/// <param name="ScheduledAt">The instant the run was due; a job should treat it as "now" so that a late or catch-up run does the work of its due time.</param>
/// <param name="Logger">A logger named after the job.</param>
public sealed record CrmJobContext(string JobName, CrmDatabase Database, DateTimeOffset ScheduledAt, ILogger Logger);
