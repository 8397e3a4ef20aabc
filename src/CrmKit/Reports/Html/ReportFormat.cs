using System.Globalization;

namespace CrmKit.Reports.Html;

/// <summary>How figures are written in a report's tables: the same on every machine, whatever its culture.</summary>
internal static class ReportFormat
{
    private static CultureInfo Culture => CultureInfo.InvariantCulture;

    internal static string Count(long value) => value.ToString("N0", Culture);

    internal static string Money(decimal value) => Math.Round(value, 2).ToString("N2", Culture);

    /// <summary>A share, 0 to 1, as a percentage with one decimal; a dash when there is none.</summary>
    internal static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Culture) + "%" : "–";

    /// <summary><paramref name="part"/> of <paramref name="whole"/> as a percentage; a dash for 0 of 0.</summary>
    internal static string Share(long part, long whole) => Percent(whole == 0 ? null : (double)part / whole);

    /// <summary>A rate as its percentage and its counts, <c>62.5% (5/8)</c>; a dash for 0 of 0.</summary>
    internal static string Rate(Rate rate) =>
        rate.Denominator == 0 ? "–" : $"{Percent(rate.Value)} ({Count(rate.Numerator)}/{Count(rate.Denominator)})";

    /// <summary>A difference of two shares in percentage points, signed.</summary>
    internal static string Points(double difference) => (difference * 100).ToString("+0.0;−0.0;0.0", Culture) + " pp";

    /// <summary>A duration in the largest unit that keeps it readable: minutes, hours or days.</summary>
    internal static string Duration(TimeSpan span) =>
        span.TotalHours < 1 ? $"{span.TotalMinutes.ToString("0", Culture)} min"
        : span.TotalDays < 2 ? $"{span.TotalHours.ToString("0.#", Culture)} h"
        : $"{span.TotalDays.ToString("0.#", Culture)} d";
}
