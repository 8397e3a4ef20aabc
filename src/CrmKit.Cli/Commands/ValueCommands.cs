using System.CommandLine;
using System.Globalization;
using CrmKit.Value;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit value fit|show</c> command group: fit the value models, show a customer's figures.</summary>
internal static class ValueCommands
{
    internal static Command Create(TextWriter output, TextWriter error) =>
        new("value", "Fit the customer-value models to the purchases (BG/NBD and Gamma-Gamma) and show a customer's value.")
        {
            Fit(output, error),
            Show(output, error),
        };

    private static Command Fit(TextWriter output, TextWriter error)
    {
        var end = new Option<string>("--calibration-end") { Description = "The last day of the calibration window, yyyy-MM-dd.", Required = true };
        var start = new Option<string?>("--calibration-start") { Description = "The first day of the window, yyyy-MM-dd; the day of the earliest purchase when absent." };
        var unit = new Option<string>("--unit") { Description = "The model's time unit.", DefaultValueFactory = _ => "weeks" };
        unit.AcceptOnlyFromAmong("days", "weeks");
        var db = DatabaseOption.Create();
        var command = new Command("fit", "Fit the models on the purchases in the window, score every customer who bought, store the fit and print it.")
        {
            end, start, unit, db,
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            var last = ParseDay(parsed.GetValue(end)!, "--calibration-end");
            var first = parsed.GetValue(start) is { } text ? ParseDay(text, "--calibration-start") : (DateOnly?)null;
            if (first > last) throw new CommandFailure(CrmKitCli.UsageError, $"--calibration-start {first:yyyy-MM-dd} is after --calibration-end {last:yyyy-MM-dd}.");
            var days = parsed.GetValue(unit) == "days" ? 1 : 7;
            using var crm = DatabaseOption.Open(parsed, db, readOnly: false);
            ValueFit fit;
            try
            {
                fit = crm.Value.Fit(last, first, TimeSpan.FromDays(days));
            }
            catch (CrmValidationException e)
            {
                throw new CommandFailure(CrmKitCli.Problems, e.Reason);
            }
            var console = Terminal.For(output);
            console.Write(ValueTables.Parameters(fit));
            console.WriteLine($"Calibration window: {ValueTables.Window(fit)}.");
            console.WriteLine($"Customers: {fit.Customers.ToString("N0", Report.Culture)} fitted for purchases, {fit.SpendCustomers.ToString("N0", Report.Culture)} of them (with repeat purchases) for spend.");
            console.Write(ValueTables.Tiers(crm.Value.All()));
            console.WriteLine($"Customer equity: {ValueTables.Money(crm.Value.CustomerEquity())}.");
            return CrmKitCli.Success;
        }));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("code") { Description = "The customer code (a merged-away code shows the surviving customer)." };
        var db = DatabaseOption.Create();
        var command = new Command("show", "Print a customer's value figures from the latest fit: P(active), expected purchases and spend, CLV, RFM, tier, quadrant.")
        {
            code, db,
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            using var crm = DatabaseOption.Open(parsed, db, readOnly: true);
            var fit = crm.Value.LatestFit()
                ?? throw new CommandFailure(CrmKitCli.Problems, "no value fit stored yet; make one with 'crmkit value fit --calibration-end DATE'.");
            var customer = parsed.GetValue(code)!;
            var value = crm.Value.For(customer)
                ?? throw new CommandFailure(CrmKitCli.Problems, $"customer '{customer}' made no purchase in the calibration window of the latest fit ({ValueTables.Window(fit)}).");
            output.WriteLine($"Customer '{value.CustomerCode}'");
            Terminal.For(output).Write(ValueTables.Customer(value, fit));
            return CrmKitCli.Success;
        }));
        return command;
    }

    private static DateOnly ParseDay(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CommandFailure(CrmKitCli.UsageError, $"{option} expects a date as yyyy-MM-dd but got '{text}'.");
}
