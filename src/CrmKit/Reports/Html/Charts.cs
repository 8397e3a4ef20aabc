using System.Text.Json.Nodes;

namespace CrmKit.Reports.Html;

/// <summary>
/// What a chart shows, as the data the page's script turns into an ECharts option: one builder per
/// kind there. Values are plain numbers; <c>format</c> says how the script labels them
/// (<c>count</c>, <c>money</c>, <c>percent</c> or <c>points</c>, percentage points); a value that is
/// not a finite number is written as null, a gap.
/// </summary>
internal static class Charts
{
    /// <summary>Bars per category, one series each; horizontal bars list the categories downwards.</summary>
    internal static JsonObject Bar(IEnumerable<string> categories, IEnumerable<(string Name, IEnumerable<double> Values)> series, string format, bool horizontal = false) =>
        new()
        {
            ["kind"] = "bar",
            ["format"] = format,
            ["horizontal"] = horizontal,
            ["categories"] = Strings(categories),
            ["series"] = Series(series),
        };

    /// <summary>Lines over time, one per series.</summary>
    internal static JsonObject Line(IEnumerable<string> categories, IEnumerable<(string Name, IEnumerable<double> Values)> series, string format) =>
        new()
        {
            ["kind"] = "line",
            ["format"] = format,
            ["categories"] = Strings(categories),
            ["series"] = Series(series),
        };

    /// <summary>Flows from the left column's nodes to the right column's (a two-column sankey, so cycles cannot occur).</summary>
    internal static JsonObject Flow(IEnumerable<(string From, string To, double Value)> links) =>
        new()
        {
            ["kind"] = "flow",
            ["links"] = new JsonArray(links.Select(l => (JsonNode)new JsonObject { ["from"] = l.From, ["to"] = l.To, ["value"] = l.Value }).ToArray()),
        };

    /// <summary>
    /// Steps drawn as a funnel, top first, in the order given, each as wide as its value; or, as a
    /// <paramref name="pyramid"/>, in even steps widening downwards, each labelled with its value.
    /// </summary>
    internal static JsonObject Funnel(IEnumerable<(string Name, double Value)> steps, string format, bool pyramid = false) =>
        new()
        {
            ["kind"] = "funnel",
            ["format"] = format,
            ["pyramid"] = pyramid,
            ["steps"] = new JsonArray(steps.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["value"] = s.Value }).ToArray()),
        };

    /// <summary>A grid of cells [x, y, value] over the x and y labels; a null value leaves the cell empty.</summary>
    internal static JsonObject Heatmap(IEnumerable<string> x, IEnumerable<string> y, IEnumerable<(int X, int Y, double Value)> cells, string format) =>
        new()
        {
            ["kind"] = "heatmap",
            ["format"] = format,
            ["x"] = Strings(x),
            ["y"] = Strings(y),
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonArray(c.X, c.Y, c.Value)).ToArray()),
        };

    /// <summary>Estimates with their intervals, one per category, against a zero line.</summary>
    internal static JsonObject Intervals(IEnumerable<(string Category, double Estimate, double Low, double High)> items, string format) =>
        new()
        {
            ["kind"] = "intervals",
            ["format"] = format,
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Category, ["estimate"] = i.Estimate, ["low"] = i.Low, ["high"] = i.High,
            }).ToArray()),
        };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static JsonArray Series(IEnumerable<(string Name, IEnumerable<double> Values)> series) =>
        new(series.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["values"] = new JsonArray(s.Values.Select(v => double.IsFinite(v) ? (JsonNode)JsonValue.Create(v) : null).ToArray()),
        }).ToArray());
}
