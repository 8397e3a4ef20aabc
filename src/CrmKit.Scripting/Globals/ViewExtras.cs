using System.Globalization;

namespace CrmKit.Scripting;

/// <summary>
/// The parts of a customer view a host loads only for the scripts that read them: the interactions
/// that carry metadata, the segments the customer is in and the open care tasks by rule.
/// Immutable; a view without them shares <see cref="Empty"/>.
/// </summary>
internal sealed record ViewExtras
{
    private static readonly IReadOnlySet<string> NoSegments = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, int> NoTasks = new Dictionary<string, int>(StringComparer.Ordinal);

    internal static ViewExtras Empty { get; } = new();

    /// <summary>The interactions that carry metadata, by occurrence.</summary>
    internal IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>The segments the customer is a member of (of those loaded).</summary>
    internal IReadOnlySet<string> Segments { get; init; } = NoSegments;

    /// <summary>Open care tasks per rule.</summary>
    internal IReadOnlyDictionary<string, int> OpenTasks { get; init; } = NoTasks;

    internal int OpenTaskCount
    {
        get
        {
            var total = 0;
            foreach (var (_, n) in OpenTasks) total += n;
            return total;
        }
    }

    /// <summary>The extras a snapshot carries; <see cref="Empty"/> when it carries none, so views of plain snapshots allocate nothing more.</summary>
    internal static ViewExtras Of(CustomerSnapshot snapshot)
    {
        if (snapshot.InteractionsWithMetadata.Count == 0 && snapshot.Segments.Count == 0 && snapshot.OpenTasks.Count == 0) return Empty;
        var tasks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in snapshot.OpenTasks) tasks[task.Rule] = tasks.GetValueOrDefault(task.Rule) + 1;
        return new ViewExtras
        {
            Annotations = [.. snapshot.InteractionsWithMetadata.Select(i => new Annotation(i.Kind.Name, i.OccurredAt, i.Metadata))],
            Segments = snapshot.Segments,
            OpenTasks = tasks,
        };
    }

    /// <summary>How many interactions of <paramref name="kind"/> in [<paramref name="from"/>, <paramref name="to"/>) carry a number under <paramref name="key"/>, and their sum.</summary>
    internal (int Count, decimal Sum) Numbers(string kind, string key, DateTimeOffset from, DateTimeOffset? to)
    {
        var count = 0;
        var sum = 0m;
        foreach (var a in Annotations)
        {
            if (!string.Equals(a.Kind, kind, StringComparison.Ordinal) || a.At < from || (to is { } end && a.At >= end)) continue;
            if (!a.Metadata.TryGetValue(key, out var text) || Number(text) is not { } value) continue;
            count++;
            sum += value;
        }
        return (count, sum);
    }

    /// <summary>A metadata value read as a number in the invariant culture, or null.</summary>
    internal static decimal? Number(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>One interaction's metadata as a script sees it: its kind, when it occurred, and its keys and values.</summary>
internal readonly record struct Annotation(string Kind, DateTimeOffset At, IReadOnlyDictionary<string, string> Metadata);
