using System.Globalization;
using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.Options;

namespace CrmKit.Hosting.Configuration;

/// <summary>Checks <see cref="CrmKitOptions"/> when the host starts; each failure names the option by its configuration path.</summary>
internal sealed class CrmKitOptionsValidator(CrmKitSection section) : IValidateOptions<CrmKitOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmKitOptions options)
    {
        var p = section.Path;
        var failures = new List<string>();
        if (options.PostgreSql is { } server)
        {
            if (!string.IsNullOrWhiteSpace(options.DatabasePath))
                failures.Add($"{p}:DatabasePath and {p}:PostgreSql are both set; give the database file or the PostgreSQL server, not both");
            if (options.Password is not null)
                failures.Add($"{p}:Password encrypts a database file; a PostgreSQL database is encrypted at rest by its server. Leave it out");
            try
            {
                server.Validate();
            }
            catch (CrmValidationException e)
            {
                failures.Add($"{p}:PostgreSql:{Pascal(e.Field)} {e.Reason}");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.DatabasePath)) failures.Add($"{p}:DatabasePath is required (or {p}:PostgreSql:ConnectionString for a PostgreSQL server)");
        if (options.ScriptsFolder is { } folder && string.IsNullOrWhiteSpace(folder)) failures.Add($"{p}:ScriptsFolder is empty; leave it out to load no scripts");
        if (options.ScriptCacheFolder is { } cache && string.IsNullOrWhiteSpace(cache)) failures.Add($"{p}:ScriptCacheFolder is empty; leave it out to keep compiled scripts in memory");
        if (options.ScriptTimeBudget < TimeSpan.FromMilliseconds(1) || options.ScriptTimeBudget > TimeSpan.FromMinutes(1))
            failures.Add(Invariant($"{p}:ScriptTimeBudget must be from 1 ms to 1 minute but was '{options.ScriptTimeBudget}'"));
        if (options.ScriptWorkerHeapLimitMegabytes < 32)
            failures.Add(Invariant($"{p}:ScriptWorkerHeapLimitMegabytes must be at least 32 but was '{options.ScriptWorkerHeapLimitMegabytes}'"));
        if (!Enum.IsDefined(options.ScriptIsolation))
            failures.Add(Invariant($"{p}:ScriptIsolation must be Worker or InProcess but was '{(int)options.ScriptIsolation}'"));
        if (options.ScriptReloadDelay < TimeSpan.Zero || options.ScriptReloadDelay > TimeSpan.FromMinutes(1))
            failures.Add(Invariant($"{p}:ScriptReloadDelay must be from 0 to 1 minute but was '{options.ScriptReloadDelay}'"));
        if (options.DatabaseLockTimeout < TimeSpan.Zero || options.DatabaseLockTimeout > TimeSpan.FromMinutes(10))
            failures.Add(Invariant($"{p}:DatabaseLockTimeout must be from 0 to 10 minutes but was '{options.DatabaseLockTimeout}'"));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (options.Schedules?.Count ?? 0); i++)
        {
            var entry = options.Schedules![i];
            var at = Invariant($"{p}:Schedules:{i}");
            if (entry is null) { failures.Add($"{at} is empty"); continue; }
            if (string.IsNullOrWhiteSpace(entry.Job)) failures.Add($"{at}:Job is required");
            else if (!seen.Add(entry.Job)) failures.Add($"{at}:Job '{entry.Job}' is scheduled twice; give each job one schedule");
            if (JobSchedule.TryCreate(entry, out var error) is null) failures.Add(at + error);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Pascal(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
