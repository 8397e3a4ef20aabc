using CrmKit.Value;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The tables <c>crmkit value</c> and the report's value section print: parameters, tiers, one customer.</summary>
internal static class ValueTables
{
    /// <summary>The fitted BG/NBD and Gamma-Gamma parameters with their log-likelihoods.</summary>
    internal static Table Parameters(ValueFit fit)
    {
        var table = new Table()
            .AddColumn("Model")
            .AddColumn("Parameter")
            .AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("BG/NBD (purchases)", "r", Number(fit.Purchases.R));
        table.AddRow("", "alpha", Number(fit.Purchases.Alpha));
        table.AddRow("", "a", Number(fit.Purchases.A));
        table.AddRow("", "b", Number(fit.Purchases.B));
        table.AddRow("", "log-likelihood", fit.PurchasesLogLikelihood.ToString("F2", Report.Culture));
        table.AddRow("Gamma-Gamma (spend)", "p", Number(fit.Spend.P));
        table.AddRow("", "q", Number(fit.Spend.Q));
        table.AddRow("", "gamma", Number(fit.Spend.Gamma));
        table.AddRow("", "log-likelihood", fit.SpendLogLikelihood.ToString("F2", Report.Culture));
        return table;
    }

    /// <summary>Customers, share and lifetime value per tier, best tier first, with a total row.</summary>
    internal static Table Tiers(IReadOnlyList<CustomerValue> values)
    {
        var table = new Table()
            .AddColumn("Tier")
            .AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Lifetime value").RightAligned());
        foreach (var tier in values.GroupBy(v => v.Tier).OrderBy(g => g.Key.Rank))
        {
            table.AddRow(
                Printable.Markup(tier.Key.Name),
                tier.Count().ToString("N0", Report.Culture),
                Report.Share(tier.Count(), values.Count),
                Money(tier.Sum(v => v.LifetimeValue)));
        }
        table.AddRow("Customer equity", values.Count.ToString("N0", Report.Culture), Report.Share(values.Count, values.Count), Money(ValueModel.CustomerEquity(values)));
        return table;
    }

    /// <summary>One customer's value figures.</summary>
    internal static Table Customer(CustomerValue value, ValueFit fit)
    {
        var table = new Table().AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Probability still active", value.ProbabilityAlive.ToString("P1", Report.Culture));
        table.AddRow("Expected purchases, next 90 days", value.ExpectedPurchasesNextPeriod.ToString("F2", Report.Culture));
        table.AddRow("Expected spend per purchase", Money(value.ExpectedSpend));
        table.AddRow("Lifetime value (CLV)", Money(value.LifetimeValue));
        table.AddRow("Spend in the window", Money(value.PastValue));
        table.AddRow("RFM (recency, frequency, monetary)", value.Rfm.ToString());
        table.AddRow("Tier", Printable.Markup(value.Tier.Name));
        table.AddRow("Quadrant", Quadrant(value.Quadrant));
        table.AddRow("Calibration window", Window(fit));
        return table;
    }

    /// <summary>The calibration window and unit, as "2025-01-01 to 2025-12-31, weeks".</summary>
    internal static string Window(ValueFit fit) =>
        $"{fit.Calibration.Start:yyyy-MM-dd} to {fit.Calibration.End:yyyy-MM-dd}, {(fit.Unit == TimeSpan.FromDays(7) ? "weeks" : fit.Unit == TimeSpan.FromDays(1) ? "days" : $"units of {fit.Unit.TotalDays:F0} days")}";

    internal static string Money(decimal amount) => Math.Round(amount, 2).ToString("N2", Report.Culture);

    private static string Number(double value) => value.ToString("G6", Report.Culture);

    private static string Quadrant(ValueQuadrant quadrant) => quadrant switch
    {
        ValueQuadrant.Keep => "keep",
        ValueQuadrant.Grow => "grow",
        ValueQuadrant.Nurture => "nurture",
        _ => "serve at lower cost",
    };
}
