using System.Text;

namespace CrmKit.Cli.Tests.Commands;

public class ValueCommandTests
{
    [Fact]
    public void Fit_prints_parameters_window_counts_equity_and_tiers_and_stores_the_fit()
    {
        using var session = WithPurchases(300);

        var (exit, output, error) = session.Crm("value", "fit", "--calibration-end", "2025-12-31", "--calibration-start", "2025-01-01");

        Assert.True(exit == 0, error);
        foreach (var name in new[] { "r", "alpha", "a", "b", "p", "q", "gamma" }) Assert.Matches($@"│\s+{name}\s+│\s+[0-9.E+-]+\s+│", output);
        Assert.Contains("log-likelihood", output);
        Assert.Contains("Calibration window: 2025-01-01 to 2025-12-31, weeks.", output);
        Assert.Matches(@"Customers: 300 fitted for purchases, \d+ of them", output);
        foreach (var tier in new[] { "platinum", "gold", "iron", "lead" }) Assert.Contains(tier, output);
        using var crm = session.Open();
        var fit = crm.Value.LatestFit()!;
        Assert.Equal(new DateOnly(2025, 12, 31), fit.Calibration.End);
        Assert.Equal(300, fit.Customers);
        Assert.Contains($"Customer equity: {ValueTables.Money(crm.Value.CustomerEquity())}.", output);
        Assert.True(crm.Value.CustomerEquity() > 0m);
    }

    [Fact]
    public void Fit_in_days_records_the_unit()
    {
        using var session = WithPurchases(120);
        var (exit, output, error) = session.Crm("value", "fit", "--calibration-end", "2025-12-31", "--unit", "days");
        Assert.True(exit == 0, error);
        Assert.Contains(", days.", output);
        using var crm = session.Open();
        Assert.Equal(TimeSpan.FromDays(1), crm.Value.LatestFit()!.Unit);
    }

    [Fact]
    public void Show_prints_one_customers_figures_and_report_shows_equity_and_tiers()
    {
        using var session = WithPurchases(200);
        Assert.Equal(0, session.Crm("value", "fit", "--calibration-end", "2025-12-31").Exit);

        var (exit, output, error) = session.Crm("value", "show", "C7");

        Assert.True(exit == 0, error);
        decimal equity;
        using (var crm = session.Open())
        {
            var value = crm.Value.For("C7")!;
            Assert.Contains("Customer 'C7'", output);
            Assert.Contains(value.ProbabilityAlive.ToString("P1", Report.Culture), output);
            Assert.Contains(ValueTables.Money(value.LifetimeValue), output);
            Assert.Contains(ValueTables.Money(value.ExpectedSpend), output);
            Assert.Matches($@"RFM \(recency, frequency, monetary\)\s+│\s+{value.Rfm}", output);
            Assert.Matches($@"Tier\s+│\s+{value.Tier.Name}", output);
            foreach (var figure in new[] { "Expected purchases, next 90 days", "Quadrant" }) Assert.Contains(figure, output);

            equity = crm.Value.CustomerEquity();
        }
        var report = session.Crm("report").Output;
        Assert.Matches($@"Customer equity\s+│\s+200\s+│\s+100\.0 %\s+│\s+{ValueTables.Money(equity)}", report);
        Assert.Contains("platinum", report);
    }

    [Fact]
    public void Failures_exit_1_and_usage_errors_exit_2()
    {
        using var session = new CliSession().Init();
        session.Crm("import", "customers", session.File("c.csv", "code,name\nA,Ann\nB,Bob\n"));
        session.Crm("import", "interactions", session.File("i.csv", "customer,kind,channel,occurred-at,amount\nA,purchase,store,2025-03-01T10:00:00Z,10\n"));

        var noFit = session.Crm("value", "show", "A");
        Assert.Equal(1, noFit.Exit);
        Assert.Contains("no value fit stored yet", noFit.Error);

        var noRepeats = session.Crm("value", "fit", "--calibration-end", "2025-12-31");
        Assert.Equal(1, noRepeats.Exit);
        Assert.Contains("no customer made a repeat purchase", noRepeats.Error);
        Assert.DoesNotContain("Parameter", noRepeats.Error);

        Assert.Equal(1, session.Crm("value", "show", "NOBODY").Exit);
        Assert.Equal(2, session.Crm("value", "fit").Exit);
        Assert.Equal(2, session.Crm("value", "fit", "--calibration-end", "31/12/2025").Exit);
        Assert.Equal(2, session.Crm("value", "fit", "--calibration-end", "2025-12-31", "--unit", "months").Exit);
        Assert.Equal(2, session.Crm("value", "fit", "--calibration-end", "2025-01-01", "--calibration-start", "2025-02-01").Exit);
        Assert.Equal(2, session.Crm("value", "show").Exit);
    }

    [Fact]
    public void A_database_without_purchases_cannot_be_fitted()
    {
        using var session = new CliSession().Init();
        var (exit, _, error) = session.Crm("value", "fit", "--calibration-end", "2025-12-31");
        Assert.Equal(1, exit);
        Assert.Contains("no purchases", error);
    }

    // Customers who each buy on a first day, then again at random gaps while still active.
    private static CliSession WithPurchases(int count)
    {
        var session = new CliSession().Init();
        var customers = new StringBuilder("code,name\n");
        var interactions = new StringBuilder("customer,kind,channel,occurred-at,amount\n");
        var random = new Random(11);
        var end = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);
        for (var c = 0; c < count; c++)
        {
            customers.Append($"C{c},Customer {c}\n");
            var day = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 120));
            do
            {
                interactions.Append($"C{c},purchase,store,{day:yyyy-MM-dd'T'HH:mm:ss'Z'},{random.Next(10, 500)}.00\n");
                day = day.AddDays(random.Next(7, 90));
            }
            while (day < end && random.NextDouble() < 0.7);
        }
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", customers.ToString())).Exit);
        Assert.Equal(0, session.Crm("import", "interactions", session.File("i.csv", interactions.ToString())).Exit);
        return session;
    }
}
