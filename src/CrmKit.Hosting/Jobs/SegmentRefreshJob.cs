using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmKit.Hosting.Jobs;

/// <summary>
/// The built-in <c>segment-refresh</c> job: keeps the segments defined by the scripts folder's
/// <c>segments/*.csx</c> files in step with the files (a segment named after each file), then
/// refreshes every stored segment fully at the scheduled instant, counting the customers a
/// segment's rule failed for.
/// </summary>
internal sealed class SegmentRefreshJob(IOptions<CrmKitOptions> options, CrmKitMetrics metrics) : ICrmJob
{
    public string Name => "segment-refresh";

    public async Task RunAsync(CrmJobContext context, CancellationToken cancellationToken)
    {
        var segments = context.Database.Segments;
        if (options.Value.ScriptsFolder is { } folder && Directory.Exists(Path.Combine(folder, "segments")))
        {
            var defined = segments.All().ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(Path.Combine(folder, "segments"), "*.csx"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
                try
                {
                    var source = CrmKit.Scripting.ScriptEngine.ReadSource(file);
                    if (defined.TryGetValue(name, out var current) && current.Script == source) continue;
                    segments.Define(new SegmentDefinition(name, $"from {Path.GetFileName(file)}", source));
                    context.Logger.LogInformation("Segment {Segment} defined from {File}.", name, file);
                }
                catch (CrmException e)
                {
                    // A broken file keeps the segment as it was; the scripts folder watcher logs the diagnostics.
                    context.Logger.LogWarning("Segment {Segment} kept as it was: {File} was rejected: {Error}", name, file, e.Message);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var result in await segments.RefreshAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            context.Logger.LogInformation("Segment {Segment} refreshed: {Members} members, {Entered} entered, {Left} left.",
                result.Segment, result.Members, result.Entered, result.Left);
            foreach (var failure in result.Failures) metrics.ScriptFailed(failure.Rule, MetricTags.OfFailure(failure.Kind));
            FailureLog.Write(context.Logger, "Segment rule", result.Failures);
        }
    }
}
