using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmKit.Reports;
using CrmKit.Storage;

namespace CrmKit.Tests.Reports;

/// <summary>
/// The HTML report as a file: self-contained, escaped, and showing the same figures the books give.
/// The page in a real browser is <see cref="Browser.ReportInBrowserTests"/>.
/// </summary>
public partial class HtmlReportTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Html => ReportBase.Instance.Html;

    private static CrmDatabase Crm => ReportBase.Instance.Crm;

    [Fact]
    public void The_page_carries_everything_it_needs_and_refers_to_nothing_outside_it()
    {
        var outsideScripts = ScriptElement().Replace(Html, "");
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=\s*""(?!#)", RegexOptions.IgnoreCase), outsideScripts);
        Assert.DoesNotMatch(new Regex("https?:|ftp:|//[a-z0-9]", RegexOptions.IgnoreCase), outsideScripts);
        Assert.DoesNotContain("@import", outsideScripts, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", outsideScripts, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", Html);

        // The scripts inline are exactly the ones the page's policy allows by hash: the chart library and the page's own.
        var scripts = ScriptElement().Matches(Html).Select(m => m.Groups[2].Value).ToArray();
        Assert.Equal(3, scripts.Length);
        var policy = Regex.Match(Html, "script-src ([^;]+);").Groups[1].Value;
        foreach (var script in scripts.Skip(1))
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", policy);
        Assert.StartsWith("\n/*\n* Licensed to the Apache Software Foundation", scripts[1]);
    }

    [Fact]
    public void The_embedded_chart_library_is_the_npm_file_its_notice_names()
    {
        var notice = File.ReadAllText(Path.Combine(Docs.DocsSnippetTests.RepositoryRoot(), "src", "CrmKit", "Reports", "Assets", "echarts.LICENSE.txt"));
        var script = ScriptElement().Matches(Html)[1].Groups[2].Value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"sha256 of echarts.min.js: {hash}", notice);
        Assert.Contains("Apache License", notice);
    }

    [Fact]
    public void Text_from_the_data_is_escaped_in_the_html_and_in_the_chart_data()
    {
        var cells = TableElement().Matches(Html).SelectMany(t => CellElement().Matches(t.Value)).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToHashSet();
        foreach (var hostile in ReportBase.HostileNames.Append(ReportBase.HostileDescription))
        {
            Assert.DoesNotContain(hostile, Html);
            Assert.Contains(hostile, cells);
        }
        var data = ScriptElement().Matches(Html)[0].Groups[2].Value;
        Assert.DoesNotContain("<", data);
        Assert.DoesNotContain(">", data);
        Assert.DoesNotContain("\u2028", data);
        // Parsed back, the chart data holds the names exactly.
        var categories = JsonNode.Parse(data)!["charts"]!.AsArray().SelectMany(c => c!["categories"]?.AsArray() ?? []).Select(n => n!.GetValue<string>());
        Assert.Contains(ReportBase.HostileNames[2], categories);
    }

    [Fact]
    public void Chinese_names_are_written_as_themselves()
    {
        Assert.Contains($"<td>{ReportBase.ChineseName}</td>", Html);
        Assert.Contains("<td>高价值客户 &lt;b&gt;VIP&lt;/b&gt;", Html);
        Assert.Contains("<meta charset=\"utf-8\">", Html);
    }

    [Fact]
    public void The_stage_table_and_the_value_pyramid_hold_the_books_figures()
    {
        var stages = Rows("stages", 0);
        Assert.Equal(Crm.Customers.CountByStage().Select(s => (s.Key.Name, s.Value.ToString("N0", Invariant))), stages.Select(r => (r[0], r[1])));

        var values = Crm.Value.All();
        var pyramid = Rows("value", 0);
        Assert.Equal(values.GroupBy(v => v.Tier).OrderBy(g => g.Key.Rank).Select(g => (g.Key.Name, g.Count().ToString("N0", Invariant))), pyramid.SkipLast(1).Select(r => (r[0], r[1])));
        Assert.Equal(Math.Round(values.Sum(v => v.LifetimeValue), 2).ToString("N2", Invariant), pyramid[^1][3]);
        Assert.Equal(values.Count, Rows("value", 1).Sum(r => int.Parse(r[1], NumberStyles.AllowThousands, Invariant)));
        var top = Rows("value", 2);
        Assert.Equal(values.OrderByDescending(v => v.LifetimeValue).ThenBy(v => v.CustomerCode, StringComparer.Ordinal).Take(10).Select(v => v.CustomerCode), top.Select(r => r[0]));
    }

    [Fact]
    public void Segment_sizes_replayed_to_the_end_of_the_period_equal_the_stored_membership()
    {
        var summary = Rows("segments", 1);
        Assert.Equal(3, summary.Count);
        foreach (var row in summary)
        {
            var members = Crm.Segments.Members(row[0], new PageRequest(0, 10_000)).Items.Count;
            Assert.Equal(members.ToString("N0", Invariant), row[2]);
            var events = Crm.Segments.Events(row[0]);
            Assert.Equal((events.Count(e => e.Entered).ToString("N0", Invariant), events.Count(e => !e.Entered).ToString("N0", Invariant)), (row[3], row[4]));
        }
        var byDate = Rows("segments", 0);
        var header = Headers("segments", 0);
        for (var i = 1; i < header.Length; i++)
            Assert.Equal(summary.Single(r => r[0] == header[i])[2], byDate[^1][i]);
    }

    [Fact]
    public void Cohorts_count_each_buyer_once_in_the_month_of_the_first_purchase()
    {
        var firstPurchases = new Dictionary<string, int>();
        for (var page = new PageRequest(0, 1000); ; page = page.Next)
        {
            var customers = Crm.Customers.All(page);
            foreach (var c in customers.Items)
            {
                if (Crm.Interactions.Stats(c.Code).FirstPurchaseAt is { } first) firstPurchases[c.Code.Value] = first.Year * 12 + first.Month - 1;
            }
            if (!customers.HasMore) break;
        }
        var rows = Rows("cohorts", 0);
        var expected = firstPurchases.Values.GroupBy(m => m).OrderBy(g => g.Key).Select(g => ($"{g.Key / 12:D4}-{g.Key % 12 + 1:D2}", g.Count().ToString("N0", Invariant)));
        Assert.Equal(expected, rows.Select(r => (r[0], r[1])));
        Assert.All(rows, r => Assert.Equal("100.0%", r[2]));
    }

    [Fact]
    public void The_care_funnel_and_suppressions_add_up()
    {
        var tasks = Crm.Care.CountByStatus();
        var suppressed = Crm.Care.SuppressionsByReason();
        var funnel = Rows("care", 0);
        Assert.Equal(["Proposed", "Created", "Done"], funnel.Select(r => r[0]));
        Assert.Equal((tasks.Values.Sum() + suppressed.Where(s => s.Key != SuppressionReason.ClosedLoop).Sum(s => s.Value)).ToString("N0", Invariant), funnel[0][1]);
        Assert.Equal(tasks[CareTaskStatus.Done].ToString("N0", Invariant), funnel[2][1]);
        Assert.Equal(suppressed.Values.Sum(), Rows("care", 2).Sum(r => int.Parse(r[1], NumberStyles.AllowThousands, Invariant)));
    }

    [Fact]
    public void Campaign_uplift_is_the_evaluations()
    {
        var evaluation = Crm.Campaigns.Evaluate("autumn-upgrade");
        var rows = Rows("campaigns", 0);
        Assert.Equal(evaluation.Uplifts.Where(u => u.Population == CampaignPopulation.IntentToTreat).Select(u => $"autumn-upgrade / {u.Offer}"), rows.Select(r => r[0]));
        var discount = evaluation.Uplift("discount").ResponseRate!.Value;
        Assert.Equal((discount.Estimate * 100).ToString("+0.0;−0.0;0.0", Invariant) + " pp", rows[0][1]);
    }

    [Fact]
    public void An_empty_database_gives_a_page_of_notes_without_charts()
    {
        using var crm = CrmDatabase.Open(CrmOptions.InMemory());
        using var output = new MemoryStream();
        crm.Reports.WriteHtml(output, new ReportOptions { Title = "空的 <report>" });
        var html = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("<title>空的 &lt;report&gt;</title>", html);
        Assert.Contains("No customer value has been fitted yet", html);
        Assert.Contains("No campaign has been planned yet.", html);
        // The stage counts are always drawn, even when they are all zero.
        Assert.Single(JsonNode.Parse(ScriptElement().Matches(html)[0].Groups[2].Value)!["charts"]!.AsArray());
    }

    [Fact]
    public void Options_out_of_range_are_refused_before_anything_is_written()
    {
        using var output = new MemoryStream();
        var at = ReportBase.Start;
        Assert.Equal("from", Assert.Throws<CrmValidationException>(() => Crm.Reports.WriteHtml(output, new ReportOptions { From = at, To = at })).Field);
        Assert.Equal("topCustomers", Assert.Throws<CrmValidationException>(() => Crm.Reports.WriteHtml(output, new ReportOptions { TopCustomers = 101 })).Field);
        Assert.Equal("title", Assert.Throws<CrmValidationException>(() => Crm.Reports.WriteHtml(output, new ReportOptions { Title = " " })).Field);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task A_cancelled_report_writes_nothing()
    {
        using var output = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Crm.Reports.WriteHtmlAsync(output, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void A_period_in_another_time_zone_counts_its_local_months()
    {
        using var output = new MemoryStream();
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Crm.Reports.WriteHtml(output, new ReportOptions
        {
            TimeZone = shanghai, From = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), To = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        });
        var html = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("From 2026-03-01 to 2026-04-30 (Asia/Shanghai)", html);
        Assert.Equal(["2026-03", "2026-04"], Rows("cohorts", 0, html).Select(r => r[0]));
    }

    /// <summary>The body rows of the <paramref name="index"/>th table of a section, cells decoded.</summary>
    private static List<string[]> Rows(string section, int index, string? html = null) =>
        Table(section, index, html).Skip(1).ToList();

    private static string[] Headers(string section, int index) => Table(section, index, null).First();

    private static IEnumerable<string[]> Table(string section, int index, string? html)
    {
        html ??= Html;
        var start = html.IndexOf($"<section id=\"{section}\">", StringComparison.Ordinal);
        var body = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        var table = TableElement().Matches(body)[index].Value;
        return RowElement().Matches(table).Select(r => CellElement().Matches(r.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray());
    }

    [GeneratedRegex("<script([^>]*)>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableElement();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowElement();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellElement();
}
