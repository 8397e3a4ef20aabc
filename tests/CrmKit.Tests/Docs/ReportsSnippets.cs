using CrmKit.Reports;

namespace CrmKit.Tests.Docs;

/// <summary>The code of docs/reports.md, run: every C# block of the page must appear here.</summary>
public class ReportsSnippets
{
    [Fact]
    public void Every_code_block_of_the_reports_page_is_taken_from_this_test() =>
        DocSnippets.AssertEveryBlockIsIn("reports.md", "tests/CrmKit.Tests/Docs/ReportsSnippets.cs");

    [Fact]
    public async Task The_reports_page_runs()
    {
        // The page writes report.html in the working folder: the test's output folder.
        try
        {
            using var crm = CrmDatabase.Open(CrmOptions.InMemory());
            crm.Customers.Create(new Customer("C-1", "王芳"));

            // In a host: serve the page, or write it to a file on a schedule.
            using (var file = File.Create("report.html"))
            {
                crm.Reports.WriteHtml(file, new ReportOptions
                {
                    Title = "华东区 customers",
                    TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
                    From = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
                    To = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
                });
            }

            // Or asynchronously, into any stream (an HTTP response body, say).
            using var page = new MemoryStream();
            await crm.Reports.WriteHtmlAsync(page, cancellationToken: CancellationToken.None);

            Assert.Contains("<title>华东区 customers</title>", await File.ReadAllTextAsync("report.html"));
            Assert.True(page.Length > 1_000_000);
        }
        finally
        {
            File.Delete("report.html");
        }
    }
}
