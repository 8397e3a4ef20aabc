using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Reports.Html;

/// <summary>
/// Writes a report as one self-contained HTML page: the style sheet, the chart library and the
/// page's script are inline, a Content-Security-Policy allows those two scripts by hash and no
/// connection at all, and the charts' data travels as JSON that is parsed, never run. The page
/// opens offline and loads nothing from the network.
/// </summary>
internal static class HtmlDocument
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the page; the body is rendered in memory first, so nothing is written when a section fails.</summary>
    internal static async Task WriteAsync(Stream output, ReportScope scope, IReadOnlyList<ReportSection> sections, CancellationToken ct)
    {
        var (echarts, script, styles) = (ReportAssets.ECharts, ReportAssets.Script, ReportAssets.Styles);
        var head = new StringWriter();
        var body = new StringWriter();
        var page = new HtmlPage(body);
        WriteBody(page, body, scope, sections);
        WriteHead(head, scope.Options.Title, [ReportAssets.HashSource(echarts), ReportAssets.HashSource(script)]);

        await output.WriteAsync(Utf8.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        await output.WriteAsync(styles, ct).ConfigureAwait(false);
        await output.WriteAsync(Utf8.GetBytes("</style>\n</head>\n<body>\n" + body), ct).ConfigureAwait(false);
        await output.WriteAsync(Utf8.GetBytes($"<script type=\"application/json\" id=\"crmkit-report-data\">{Data(page)}</script>\n<script>"), ct).ConfigureAwait(false);
        await output.WriteAsync(echarts, ct).ConfigureAwait(false);
        await output.WriteAsync(Utf8.GetBytes("</script>\n<script>"), ct).ConfigureAwait(false);
        await output.WriteAsync(script, ct).ConfigureAwait(false);
        await output.WriteAsync(Utf8.GetBytes("</script>\n</body>\n</html>\n"), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void WriteHead(TextWriter w, string title, string[] scriptHashes)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src {string.Join(' ', scriptHashes)}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        w.WriteLine($"<meta name=\"generator\" content=\"CrmKit {HtmlPage.Encoder.Encode(ReportAssets.Version)}\">");
        w.Write("<title>");
        HtmlPage.Encoder.Encode(w, title);
        w.WriteLine("</title>");
        w.Write("<style>");
    }

    private static void WriteBody(HtmlPage page, TextWriter w, ReportScope scope, IReadOnlyList<ReportSection> sections)
    {
        w.Write("<header><div class=\"wrap\"><h1>");
        page.Text(scope.Options.Title);
        w.Write("</h1><p class=\"period\">");
        page.Text($"From {scope.PeriodText} ({scope.Zone.Id}) · made {ReportCalendar.DateLabel(scope.Now, scope.Zone)} {TimeZoneInfo.ConvertTime(scope.Now, scope.Zone):HH:mm} · {scope.Crm.Location}");
        w.Write("</p><nav>");
        foreach (var section in sections.Skip(1))
        {
            w.Write($"<a href=\"#{section.Id}\">");
            page.Text(section.Title);
            w.Write("</a>");
        }
        w.WriteLine("</nav></div></header>");
        w.WriteLine("<main class=\"wrap\">");
        foreach (var section in sections)
        {
            page.BeginSection(section.Id, section.Title);
            section.Write(page, scope);
            page.EndSection();
        }
        w.WriteLine("</main>");
        w.Write("<footer class=\"wrap\">");
        page.Text($"Made by CrmKit {ReportAssets.Version}. Charts drawn by {ReportAssets.ChartLibrary} (Apache License 2.0), carried inside this page: it loads nothing from the network.");
        w.WriteLine("</footer>");
    }

    /// <summary>The charts' data as JSON that cannot end its script element: &lt;, &gt;, &amp; and quotes are written as \u escapes.</summary>
    private static string Data(HtmlPage page) =>
        new JsonObject { ["charts"] = new JsonArray(page.Charts.Select(c => (JsonNode)c.DeepClone()).ToArray()) }
            .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
}
