using System.Globalization;

namespace CrmKit.Cli;

/// <summary>How campaign figures are written: exact invariant numbers in CSV, rounded ones in tables.</summary>
internal static class CampaignNumbers
{
    /// <summary>A count, invariant.</summary>
    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number for CSV: round-trippable, empty when absent.</summary>
    internal static string Csv(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Money for CSV: exact, empty when absent.</summary>
    internal static string Csv(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A share for tables: <c>12.3%</c>, <c>-</c> when absent.</summary>
    internal static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    /// <summary>A difference of shares for tables in percentage points: <c>+6.1 pp</c>.</summary>
    internal static string Points(double? value) => value is { } v ? (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp" : "-";

    /// <summary>Money or another number for tables, two decimals.</summary>
    internal static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>A number for tables, two decimals.</summary>
    internal static string Number(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>An interval for tables: <c>[+1.2 pp, +9.8 pp]</c> or <c>[1.50, 4.20]</c>.</summary>
    internal static string Interval(ConfidenceInterval? ci, bool points) =>
        ci is not { } c ? "-" : points ? $"[{Points(c.Low)}, {Points(c.High)}]" : $"[{Number(c.Low)}, {Number(c.High)}]";
}
