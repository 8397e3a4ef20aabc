using CrmKit.Reports.Html;

namespace CrmKit.Reports.Sections;

/// <summary>Each stored segment's size at the end of every day, week or month of the period, replayed from its entered and left events.</summary>
internal sealed class SegmentSection : ReportSection
{
    /// <summary>The most segments drawn and tabled by date; the summary below lists them all.</summary>
    private const int Drawn = 8;

    private readonly List<Series> _segments = [];

    internal override string Id => "segments";

    internal override string Title => "Segments";

    internal override async ValueTask CollectAsync(ReportScope scope, CancellationToken ct)
    {
        var stored = await scope.Read((s, c) => s.Segments.AllAsync(c), ct).ConfigureAwait(false);
        foreach (var segment in stored)
            _segments.Add(await scope.Read((s, c) => ReplayAsync(s, segment.Definition, scope, c), ct).ConfigureAwait(false));
    }

    private static async ValueTask<Series> ReplayAsync(Storage.IStoreSession s, SegmentDefinition segment, ReportScope scope, CancellationToken ct)
    {
        var deltas = new long[scope.Buckets.Count];
        long before = 0, entered = 0, left = 0;
        await foreach (var chunk in s.Segments.ScanEventsAsync(segment.Name, ct).ConfigureAwait(false))
        {
            foreach (var e in chunk)
            {
                var sign = e.Entered ? 1 : -1;
                if (e.At < scope.From) before += sign;
                else if (e.At < scope.To)
                {
                    deltas[scope.Buckets.IndexOf(e.At)] += sign;
                    if (e.Entered) entered++;
                    else left++;
                }
            }
        }
        var sizes = new long[deltas.Length];
        for (var i = 0; i < sizes.Length; i++) sizes[i] = (i == 0 ? before : sizes[i - 1]) + deltas[i];
        var members = await s.Segments.CountMembersAsync(segment.Name, ct).ConfigureAwait(false);
        return new Series(segment.Name, segment.Description, sizes, entered, left, members);
    }

    internal override void Write(HtmlPage page, ReportScope scope)
    {
        if (_segments.Count == 0)
        {
            page.Note("No segments are defined yet.");
            return;
        }
        var drawn = _segments.OrderByDescending(s => s.Members).ThenBy(s => s.Name, StringComparer.Ordinal).Take(Drawn).ToArray();
        var labels = Enumerable.Range(0, scope.Buckets.Count).Select(scope.Buckets.Label).ToArray();
        var byDate = new HtmlTable(scope.Buckets.Unit == BucketUnit.Month ? "Month" : "Date").Numbers(drawn.Select(s => s.Name).ToArray());
        for (var i = 0; i < labels.Length; i++) byDate.Row([labels[i], .. drawn.Select(s => ReportFormat.Count(s.Sizes[i]))]);
        var summary = new HtmlTable("Segment", "Description").Numbers("Members now", "Entered", "Left");
        foreach (var s in _segments) summary.Row(s.Name, s.Description, ReportFormat.Count(s.Members), ReportFormat.Count(s.Entered), ReportFormat.Count(s.Left));
        var unit = scope.Buckets.Unit switch { BucketUnit.Day => "day", BucketUnit.Week => "week", _ => "month" };
        var caption = $"Members at the end of each {unit} from {scope.PeriodText}, replayed from the customers who entered and left at each refresh; entered and left count the period."
            + (_segments.Count > Drawn ? $" The {Drawn} largest of {_segments.Count} segments are drawn." : "");
        page.Panel("Segment sizes over time", caption,
            Charts.Line(labels, drawn.Select(s => (s.Name, s.Sizes.Select(v => (double)v))), "count"), byDate, summary);
    }

    private sealed record Series(string Name, string Description, long[] Sizes, long Entered, long Left, int Members);
}
