using System.Diagnostics;

namespace CrmKit;

/// <summary>Starts CrmKit's activities around an operation and tags them with what it counted (see <see cref="CrmTelemetry"/>).</summary>
internal static class Tracing
{
    internal static ActivitySource Source { get; } = new(CrmTelemetry.ActivitySourceName, typeof(Tracing).Assembly.GetName().Version?.ToString());

    /// <summary>One batch of the bulk path of imports, tagged with its kind and how many records it wrote.</summary>
    internal static ValueTask<IReadOnlyList<T>> Import<T>(string kind, Func<ValueTask<IReadOnlyList<T>>> write) =>
        RunAsync(CrmTelemetry.ImportActivity, [("crmkit.import.kind", kind)], write, (activity, written) => activity.SetTag("crmkit.import.records", written.Count));

    /// <summary>
    /// Runs <paramref name="work"/> inside the activity <paramref name="name"/> with the tags <paramref name="start"/>,
    /// then lets <paramref name="finish"/> tag the result. A failure ends the activity with status Error and <c>error.type</c>,
    /// never with the exception's message, which may quote data.
    /// </summary>
    internal static async ValueTask<T> RunAsync<T>(string name, (string Key, object? Value)[] start, Func<ValueTask<T>> work, Action<Activity, T> finish)
    {
        using var activity = Source.StartActivity(name);
        if (activity is null) return await work().ConfigureAwait(false);
        foreach (var (key, value) in start) activity.SetTag(key, value);
        try
        {
            var result = await work().ConfigureAwait(false);
            finish(activity, result);
            return result;
        }
        catch (Exception e)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }
}
