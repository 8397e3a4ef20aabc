using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace CrmKit.Reports.Html;

/// <summary>
/// The body of a report page as sections write it: headings, notes, figure tiles and panels that
/// pair a chart with its table. Every piece of text is HTML-escaped here; the charts' data is kept
/// aside and written once, as JSON, by <see cref="HtmlDocument"/>.
/// </summary>
internal sealed class HtmlPage(TextWriter writer)
{
    /// <summary>Escapes what HTML gives meaning to (&lt;, &gt;, &amp;, quotes) and control characters; other text, Chinese included, stays as it is.</summary>
    internal static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly List<JsonObject> _charts = [];

    /// <summary>The charts written so far, each with its element's id.</summary>
    internal IReadOnlyList<JsonObject> Charts => _charts;

    internal void BeginSection(string id, string title)
    {
        writer.Write($"<section id=\"{id}\"><h2>");
        Text(title);
        writer.WriteLine("</h2>");
    }

    internal void EndSection() => writer.WriteLine("</section>");

    /// <summary>A paragraph of plain text.</summary>
    internal void Note(string text)
    {
        writer.Write("<p class=\"note\">");
        Text(text);
        writer.WriteLine("</p>");
    }

    /// <summary>A row of headline figures.</summary>
    internal void Tiles(IEnumerable<(string Label, string Value)> tiles)
    {
        writer.Write("<div class=\"tiles\">");
        foreach (var (label, value) in tiles)
        {
            writer.Write("<div class=\"tile\"><span class=\"value\">");
            Text(value);
            writer.Write("</span><span class=\"label\">");
            Text(label);
            writer.Write("</span></div>");
        }
        writer.WriteLine("</div>");
    }

    /// <summary>A chart with its table beside it, under a heading and an optional caption, with an optional table below both.</summary>
    internal void Panel(string title, string? caption, JsonObject chart, HtmlTable table, HtmlTable? below = null)
    {
        var id = $"chart-{_charts.Count + 1}";
        chart["id"] = id;
        chart["title"] = title;
        _charts.Add(chart);
        writer.Write("<div class=\"panel\"><h3>");
        Text(title);
        writer.Write("</h3>");
        if (caption is not null)
        {
            writer.Write("<p class=\"caption\">");
            Text(caption);
            writer.Write("</p>");
        }
        writer.Write($"<div class=\"pair\"><div class=\"chart\" id=\"{id}\" role=\"img\" aria-label=\"");
        Text(title);
        writer.Write("\"></div><div class=\"table-wrap\">");
        table.WriteTo(writer, Encoder);
        writer.Write("</div></div>");
        if (below is not null)
        {
            writer.Write("<div class=\"table-wrap below\">");
            below.WriteTo(writer, Encoder);
            writer.Write("</div>");
        }
        writer.WriteLine("</div>");
    }

    /// <summary>Writes <paramref name="text"/> escaped.</summary>
    internal void Text(string text) => Encoder.Encode(writer, text);
}
