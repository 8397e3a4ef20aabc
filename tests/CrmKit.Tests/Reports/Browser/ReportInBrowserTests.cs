using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace CrmKit.Tests.Reports.Browser;

/// <summary>
/// The HTML report opened from a file in headless Chromium, as someone would open it offline:
/// nothing is fetched, nothing is logged as an error, every chart draws, the hostile names stay
/// text, and Chinese names render with real glyphs. The screenshot is kept for a look
/// (its path is in the test output).
/// </summary>
public sealed class ReportInBrowserTests(ITestOutputHelper output)
{
    private const int Width = 1366;

    [Fact]
    public async Task The_report_opens_offline_draws_every_chart_without_errors_and_renders_Chinese_names()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = timeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "crmkit-report-browser");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(file, ReportBase.Instance.Html, new UTF8Encoding(false), ct);

        await using var browser = await HeadlessChromium.StartAsync(ct);
        var page = await browser.OpenPageAsync(Width, 900, ct);
        await browser.DevTools.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, page, ct);
        await browser.DevTools.WaitForEventAsync("Page.loadEventFired", page, TimeSpan.FromMinutes(2), ct);
        await WaitUntilReadyAsync(browser, page, ct);

        // A full-page screenshot: the viewport is made as tall as the page.
        var height = (await browser.EvaluateAsync(page, "Math.ceil(document.documentElement.scrollHeight)", ct)).GetInt32();
        await browser.Resize(page, Width, height, ct);
        await browser.EvaluateAsync(page, "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))", ct);
        var charts = await ChartsAsync(browser, page, ct);
        var png = await browser.ScreenshotAsync(page, ct);
        var screenshot = Path.Combine(folder, "report.png");
        await File.WriteAllBytesAsync(screenshot, png, ct);
        output.WriteLine($"Report: {file}\nScreenshot: {screenshot}");
        var sections = await browser.EvaluateAsync(page,
            "JSON.stringify(Array.from(document.querySelectorAll('header, section')).map(s => { const r = s.getBoundingClientRect(); return [s.id || 'header', r.top + window.scrollY, r.height]; }))", ct);
        foreach (var section in JsonNode.Parse(sections.GetString()!)!.AsArray())
        {
            var (id, top, tall) = (section![0]!.GetValue<string>(), section[1]!.GetValue<double>(), section[2]!.GetValue<double>());
            await File.WriteAllBytesAsync(Path.Combine(folder, $"report-{id}.png"), await browser.ScreenshotAsync(page, ct, (0, top, Width, tall)), ct);
        }

        var expected = JsonNode.Parse(Data(ReportBase.Instance.Html))!["charts"]!.AsArray().Count;
        Assert.True(expected >= 12, $"the base report should have a chart in every section, but has {expected}");
        Assert.Equal(expected, charts.Count);
        var image = PngImage.Decode(png);
        foreach (var chart in charts)
        {
            Assert.True(chart.Drawn, $"'{chart.Title}' did not finish drawing");
            Assert.True(chart.Shapes > 0, $"'{chart.Title}' has no drawn shapes");
            var inked = ColouredPixels(image, chart);
            output.WriteLine($"{chart.Title}: {chart.Shapes} shapes, {inked} coloured pixels");
            Assert.True(inked >= 150, $"'{chart.Title}' looks blank: {inked} coloured pixels in its {chart.Width:F0}×{chart.Height:F0} area");
        }

        Assert.Empty(Errors(browser.DevTools, page));
        var fetched = browser.DevTools.Events("Network.requestWillBeSent", page)
            .Select(e => e.GetProperty("request").GetProperty("url").GetString()!)
            .Where(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        Assert.Empty(fetched);
        Assert.Empty(browser.DevTools.Events("Page.javascriptDialogOpening", page));

        // The hostile names are shown as the text they are, and ran nothing.
        Assert.Equal("undefined", (await browser.EvaluateAsync(page, "typeof window.injected", ct)).GetString());
        var text = (await browser.EvaluateAsync(page, "document.body.innerText", ct)).GetString()!;
        foreach (var name in ReportBase.HostileNames.Take(3)) Assert.Contains(name, text);
        Assert.Contains("高价值客户 <b>VIP</b>", text);

        // Chinese names are in the tables and in a chart's own text, drawn with glyphs of their own (not the same empty box).
        Assert.Contains(ReportBase.ChineseName, text);
        Assert.Contains(charts, c => c.Texts.Any(t => t.Contains(ReportBase.ChineseName, StringComparison.Ordinal)));
        var glyphs = await browser.EvaluateAsync(page, GlyphCheck, ct);
        Assert.True(glyphs.GetProperty("inked").GetBoolean(), "王 draws nothing");
        Assert.True(glyphs.GetProperty("distinct").GetBoolean(), $"王 and 芳 draw the same shape: no font with Chinese glyphs is used ({await FontsAsync(browser, page, ct)})");
        Assert.True(glyphs.GetProperty("notMissing").GetBoolean(), "王 draws as the missing-glyph box");
    }

    private static async Task WaitUntilReadyAsync(HeadlessChromium browser, string page, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await browser.EvaluateAsync(page, "!!(window.crmkitReport && window.crmkitReport.ready)", ct)).GetBoolean() is false)
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = await browser.EvaluateAsync(page, "JSON.stringify(window.crmkitReport || null)", ct);
                throw new TimeoutException($"The report's charts did not all draw within two minutes: {state}; errors: {string.Join("; ", Errors(browser.DevTools, page))}");
            }
            await Task.Delay(100, ct);
        }
    }

    private sealed record Chart(string Title, bool Drawn, int Shapes, string[] Texts, double X, double Y, double Width, double Height);

    private static async Task<IReadOnlyList<Chart>> ChartsAsync(HeadlessChromium browser, string page, CancellationToken ct)
    {
        var json = await browser.EvaluateAsync(page, """
            JSON.stringify(Array.from(document.querySelectorAll('.chart')).map(e => {
              const r = e.getBoundingClientRect();
              return {
                title: e.getAttribute('aria-label'),
                drawn: e.getAttribute('data-drawn') === 'true',
                shapes: e.querySelectorAll('svg path, svg rect, svg circle, svg polygon, svg polyline, svg line').length,
                texts: Array.from(e.querySelectorAll('svg text')).map(t => t.textContent),
                x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height
              };
            }))
            """, ct);
        return JsonSerializer.Deserialize<Chart[]>(json.GetString()!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Pixels in the chart's area with a clear hue: series are drawn in colour, while axes, grid lines and labels are grey or black and the card is white.</summary>
    private static int ColouredPixels(PngImage image, Chart chart)
    {
        var count = 0;
        for (var y = (int)chart.Y; y < Math.Min(image.Height, (int)(chart.Y + chart.Height)); y++)
        {
            for (var x = (int)chart.X; x < Math.Min(image.Width, (int)(chart.X + chart.Width)); x++)
            {
                var (r, g, b) = image[x, y];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 60) count++;
            }
        }
        return count;
    }

    /// <summary>Console errors, uncaught exceptions and errors the browser logged (a blocked request, a refused script).</summary>
    private static IReadOnlyList<string> Errors(DevToolsConnection devTools, string page) =>
        devTools.Events("Runtime.consoleAPICalled", page).Where(e => e.GetProperty("type").GetString() is "error" or "assert").Select(e => $"console: {e.GetProperty("args")}")
            .Concat(devTools.Events("Runtime.exceptionThrown", page).Select(e => $"exception: {e.GetProperty("exceptionDetails")}"))
            .Concat(devTools.Events("Log.entryAdded", page).Select(e => e.GetProperty("entry")).Where(e => e.GetProperty("level").GetString() == "error")
                .Select(e => $"log: {e.GetProperty("text").GetString()} {(e.TryGetProperty("url", out var url) ? url.GetString() : "")}"))
            .ToArray();

    /// <summary>The platform fonts Chromium drew the page's body text with, for the failure message.</summary>
    private static async Task<string> FontsAsync(HeadlessChromium browser, string page, CancellationToken ct)
    {
        await browser.DevTools.SendAsync("DOM.enable", session: page, ct: ct);
        await browser.DevTools.SendAsync("CSS.enable", session: page, ct: ct);
        var document = await browser.DevTools.SendAsync("DOM.getDocument", session: page, ct: ct);
        var body = await browser.DevTools.SendAsync("DOM.querySelector",
            new JsonObject { ["nodeId"] = document.GetProperty("root").GetProperty("nodeId").GetInt32(), ["selector"] = "main" }, page, ct);
        var fonts = await browser.DevTools.SendAsync("CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = body.GetProperty("nodeId").GetInt32() }, page, ct);
        return string.Join(", ", fonts.GetProperty("fonts").EnumerateArray().Select(f => $"{f.GetProperty("familyName").GetString()} ({f.GetProperty("glyphCount").GetInt32()} glyphs)"));
    }

    /// <summary>Draws 王, 芳 and a character no font has in the page's own font and compares the pixels.</summary>
    private const string GlyphCheck = """
        (() => {
          const canvas = document.createElement('canvas');
          canvas.width = 48; canvas.height = 48;
          const g = canvas.getContext('2d');
          const font = getComputedStyle(document.body).fontFamily;
          const draw = t => { g.clearRect(0, 0, 48, 48); g.font = '32px ' + font; g.fillStyle = '#000'; g.fillText(t, 4, 38); return Array.from(g.getImageData(0, 0, 48, 48).data).join(','); };
          const wang = draw('王'), fang = draw('芳'), missing = draw('\u{10FFFD}'), blank = draw(' ');
          return { inked: wang !== blank, distinct: wang !== fang, notMissing: wang !== missing };
        })()
        """;

    private static string Data(string html)
    {
        const string start = "<script type=\"application/json\" id=\"crmkit-report-data\">";
        var from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return html[from..html.IndexOf("</script>", from, StringComparison.Ordinal)];
    }
}
