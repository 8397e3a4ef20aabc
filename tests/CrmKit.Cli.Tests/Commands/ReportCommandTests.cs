using System.Text;

namespace CrmKit.Cli.Tests.Commands;

public class ReportCommandTests
{
    [Fact]
    public void Report_shows_counts_and_the_stage_distribution()
    {
        using var session = new CliSession().Init();
        var customers = session.File("c.csv", "code,name\nA,Ann\nB,Bob\nC,Cy\n");
        var interactions = session.File("i.csv", "customer,kind,channel,occurred-at,amount\nA,purchase,store,2026-01-05T10:00:00Z,10\nB,inquiry,phone,2026-01-06T10:00:00Z,\n");
        session.Crm("import", "customers", customers);
        session.Crm("import", "interactions", interactions);
        using (var crm = session.Open()) crm.Lifecycle.Change("A", "new", "bought", "test");

        var (exit, output, _) = session.Crm("report");

        Assert.Equal(0, exit);
        Assert.Matches(@"Customers\s+│\s+3", output);
        Assert.Matches(@"Interactions\s+│\s+2", output);
        Assert.Matches(@"prospect\s+│\s+2\s+│\s+66\.7 %", output);
        Assert.Matches(@"new\s+│\s+1\s+│\s+33\.3 %", output);
        Assert.Contains("No value fit stored yet", output);
    }

    [Fact]
    public void Report_shows_value_tiers_from_the_latest_fit()
    {
        using var session = new CliSession().Init();
        var customers = new StringBuilder("code,name\n");
        var interactions = new StringBuilder("customer,kind,channel,occurred-at,amount\n");
        var random = new Random(7);
        for (var c = 0; c < 300; c++)
        {
            customers.Append($"C{c},Customer {c}\n");
            // Each customer buys on a first day, then again at random gaps while still active.
            var day = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 120));
            var end = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);
            do
            {
                interactions.Append($"C{c},purchase,store,{day:yyyy-MM-dd'T'HH:mm:ss'Z'},{random.Next(10, 500)}.00\n");
                day = day.AddDays(random.Next(7, 90));
            }
            while (day < end && random.NextDouble() < 0.7);
        }
        session.Crm("import", "customers", session.File("c.csv", customers.ToString()));
        Assert.Equal(0, session.Crm("import", "interactions", session.File("i.csv", interactions.ToString())).Exit);
        using (var crm = session.Open()) crm.Value.Fit(new DateOnly(2025, 12, 31));

        var (exit, output, _) = session.Crm("report");

        Assert.Equal(0, exit);
        Assert.Contains("Value tiers", output);
        foreach (var tier in new[] { "platinum", "gold", "iron", "lead" }) Assert.Contains(tier, output);
        Assert.Contains("calibration window ending 2025-12-31", output);
    }

    [Fact]
    public void Report_sections_each_write_under_their_own_heading()
    {
        Assert.Equal(["Overview", "Lifecycle stages", "Segments", "Value tiers", "Care tasks"], ReportSections.All.Select(s => s.Title));
    }

    [Fact]
    public void Report_shows_segment_sizes_and_care_tasks_with_suppressions_by_reason()
    {
        using var session = new CliSession().Init();
        session.Crm("import", "customers", session.File("c.csv", "code,name,tags,birthday\nA,Ann,vip,1990-06-03\nB,Bob,,1985-06-04\nC,Cy,vip,\n"));
        using (var crm = session.Open())
        {
            var b = crm.Customers.Get("B");
            crm.Customers.Update(b with { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) } });
            crm.Segments.Define(new SegmentDefinition("vips", "tagged vip", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
            crm.Segments.Refresh("vips");
            crm.Care.Sweep([CareRules.Birthday(leadDays: 3)], new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        }

        var (exit, output, _) = session.Crm("report");

        Assert.Equal(0, exit);
        Assert.Matches(@"vips\s+│\s+tagged vip\s+│\s+2\s+│\s+66\.7 %", output);
        Assert.Matches(@"Open\s+│\s+1\b", output);
        Assert.Matches(@"OptedOut\s+│\s+1\b", output);
    }
}
