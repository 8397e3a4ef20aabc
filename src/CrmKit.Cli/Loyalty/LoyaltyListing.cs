using System.Globalization;
using CrmKit.Loyalty;
using CsvHelper;
using Spectre.Console;

namespace CrmKit.Cli;

/// <summary>Loyalty in the CLI: the programme in a line, an account as tables, referral conversion as a table or CSV.</summary>
internal static class LoyaltyListing
{
    /// <summary>The CSV columns of <c>referral report --csv</c>, in order; their names are part of the CLI's contract.</summary>
    internal static readonly string[] ConversionColumns = ["key", "referrals", "converted", "rate"];

    /// <summary>The programme in one line.</summary>
    internal static string Describe(LoyaltyProgram? program)
    {
        if (program is null) return "no programme (nothing is earned by rule)";
        var rules = program.Rules.Select(r => r switch
        {
            PurchasePointsRule p => string.Create(CultureInfo.InvariantCulture, $"{r.Name} ({p.PointsPerUnit} point(s) per unit spent)"),
            ReferralBonusRule b => string.Create(CultureInfo.InvariantCulture, $"{r.Name} ({b.Bonus} points to the referrer)"),
            _ => r.Name,
        });
        var tiers = program.Tiers is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"; tiers {string.Join(", ", t.Tiers.Select(x => $"{x.Name} from {x.From}"))} on {CareNames.Name(t.Basis)} points")
            : "";
        return $"{string.Join(", ", rules.DefaultIfEmpty("no earn rules"))}; points expire {program.Expiry}{tiers}";
    }

    internal static void WriteAccount(IAnsiConsole console, LoyaltyAccount account)
    {
        var facts = new Table().AddColumns("Field", "Value").HideHeaders();
        facts.AddRow("Customer", E(account.Customer.Value));
        facts.AddRow("Balance", N(account.Balance) + " points");
        facts.AddRow("Tier", E(account.Tier?.Name ?? "-"));
        console.Write(facts);
        var entries = new Table().AddColumns("#", "Kind", "Points", "At", "Source", "Rule", "Actor", "Note");
        foreach (var e in account.Entries)
            entries.AddRow(N(e.Sequence), CareNames.Name(e.Kind), N(e.Points), CareNames.Short(e.At), E(e.Source.ToString()), E(e.Rule ?? "-"), E(e.Actor), E(e.Note ?? ""));
        console.Write(entries);
        console.WriteLine($"{account.Entries.Count} entr{(account.Entries.Count == 1 ? "y" : "ies")}.");
        if (account.TierHistory.Count == 0) return;
        var tiers = new Table().AddColumns("At", "From", "To", "Points", "Why");
        foreach (var c in account.TierHistory) tiers.AddRow(CareNames.Short(c.At), E(c.From ?? "-"), E(c.To ?? "-"), N(c.Points), E(c.Reason));
        console.Write(tiers);
    }

    internal static void WriteConversion(IAnsiConsole console, string keyColumn, IReadOnlyList<ReferralConversion> figures)
    {
        var table = new Table().AddColumns(keyColumn, "Referrals", "Converted", "Rate");
        foreach (var f in figures) table.AddRow(E(f.Key), N(f.Referrals), N(f.Converted), Rate(f.Rate));
        console.Write(table);
        console.WriteLine($"{figures.Count} row(s).");
    }

    internal static void WriteConversionCsv(TextWriter output, IReadOnlyList<ReferralConversion> figures)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in ConversionColumns) csv.WriteField(column);
        csv.EndRecord();
        foreach (var f in figures)
        {
            csv.WriteField(f.Key);
            csv.WriteField(N(f.Referrals));
            csv.WriteField(N(f.Converted));
            csv.WriteField(f.Rate.ToString("0.####", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    }

    internal static string Rate(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => Printable.Markup(text);
}
