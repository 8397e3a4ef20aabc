using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using CrmKit.Scripting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Hosting.Jobs;

/// <summary>
/// The built-in <c>care-sweep</c> job: sweeps every customer at the scheduled instant with the
/// configured built-in rules (<see cref="CrmKitOptions.CareRules"/>) and every care script loaded
/// from the scripts folder, and counts created and suppressed tasks and rule failures.
/// </summary>
internal sealed class CareSweepJob(IOptions<CrmKitOptions> options, ScriptLibrary library, CrmKitMetrics metrics) : ICrmJob
{
    public string Name => "care-sweep";

    public async Task RunAsync(CrmJobContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rules = new List<ICareRule>(options.Value.CareRules);
        foreach (var name in library.Names)
        {
            if (library.Find(name) is CareScript script) rules.Add(new ScriptedCareRule(RuleName(name), script));
        }

        // The host's stopping token ends the sweep between chunks of customers; a cancelled sweep writes nothing.
        var result = await context.Database.Care.SweepAsync(rules, context.ScheduledAt, cancellationToken: cancellationToken).ConfigureAwait(false);

        metrics.TasksCreated(result.Created, Name);
        foreach (var (reason, count) in result.SuppressedBy) metrics.TasksSuppressed(MetricTags.Of(reason), count, Name);
        foreach (var failure in result.Failures) metrics.ScriptFailed(failure.Rule, MetricTags.OfFailure(failure.Kind));
        context.Logger.LogInformation(
            "Care sweep at {At:o}: {Evaluated} customers, {Created} tasks created, {Suppressed} suppressed, {Expired} expired, {Failures} rule failures.",
            result.At, result.Evaluated, result.Created, result.Suppressed, result.Expired, result.Failures.Count);
        FailureLog.Write(context.Logger, "Care rule", result.Failures);
    }

    /// <summary>A rule name from a script's path in the folder: <c>care/vip-check-in.csx</c> → <c>vip-check-in</c>.</summary>
    private static string RuleName(string scriptName)
    {
        var name = Path.GetFileNameWithoutExtension(scriptName).ToLowerInvariant();
        return new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
    }
}
