using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmKit.Cli;

/// <summary>
/// Reads typed values from CSV cells, strictly: a value that would be rounded, reinterpreted or
/// taken in the local time zone is refused with a message that quotes it.
/// </summary>
internal static partial class CellParser
{
    /// <summary>Earliest date accepted for birthdays and date attributes, as for instants in the core.</summary>
    internal static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>First date no longer accepted.</summary>
    internal static readonly DateOnly LatestDate = new(2200, 1, 1);

    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>Splits a list cell on ';', trimming each item and dropping empty ones.</summary>
    internal static string[] List(string cell) =>
        cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static bool TryInteger(string cell, out long value, out string error)
    {
        error = "";
        if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        error = IntegerShape().IsMatch(cell)
            ? $"\"{cell}\" is outside the range of a whole number ({long.MinValue} to {long.MaxValue})."
            : $"expects Integer but got \"{cell}\".";
        return false;
    }

    /// <summary>A plain decimal (<c>-1234.50</c>), refused when a <see cref="decimal"/> cannot hold every digit.</summary>
    internal static bool TryDecimal(string cell, out decimal value, out string error)
    {
        value = 0m;
        error = "";
        var match = DecimalShape().Match(cell);
        if (!match.Success)
        {
            error = $"expects Decimal but got \"{cell}\".";
            return false;
        }
        if (!decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = $"\"{cell}\" is too large for a decimal number.";
            return false;
        }
        if (value.ToString(CultureInfo.InvariantCulture) != Canonical(match))
        {
            error = $"\"{cell}\" has more digits than a decimal number holds (28 significant digits); it would be rounded to {value.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }
        return true;
    }

    internal static bool TryBoolean(string cell, out bool value, out string error)
    {
        error = "";
        switch (cell.ToLowerInvariant())
        {
            case "true" or "yes" or "1": value = true; return true;
            case "false" or "no" or "0": value = false; return true;
            default:
                value = false;
                error = $"expects Boolean (true/false, yes/no or 1/0) but got \"{cell}\".";
                return false;
        }
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>, from 1900-01-01 to before 2200-01-01.</summary>
    internal static bool TryDate(string cell, out DateOnly value, out string error)
    {
        error = "";
        if (!DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            error = $"expects Date (yyyy-MM-dd) but got \"{cell}\".";
            return false;
        }
        if (value < EarliestDate || value >= LatestDate)
        {
            error = $"{cell} is outside the accepted range 1900-01-01 to 2200-01-01.";
            return false;
        }
        return true;
    }

    /// <summary>An ISO-8601 instant with an explicit offset (<c>2026-03-07T10:00:00+08:00</c> or <c>…Z</c>).</summary>
    internal static bool TryInstant(string cell, out DateTimeOffset value, out string error)
    {
        error = "";
        value = default;
        if (!OffsetSuffix().IsMatch(cell) ||
            !DateTimeOffset.TryParseExact(cell, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            error = $"expects an ISO-8601 instant with an offset (for example 2026-03-07T10:00:00+08:00) but got \"{cell}\".";
            return false;
        }
        return true;
    }

    /// <summary>Parses a cell as a value of an attribute's declared type.</summary>
    internal static bool TryAttribute(AttributeType type, string cell, out AttributeValue? value, out string error)
    {
        value = null;
        error = "";
        switch (type)
        {
            case AttributeType.Text: value = AttributeValue.Text(cell); return true;
            case AttributeType.TextList: value = AttributeValue.TextList(List(cell)); return true;
            case AttributeType.Integer when TryInteger(cell, out var i, out error): value = AttributeValue.Integer(i); return true;
            case AttributeType.Decimal when TryDecimal(cell, out var d, out error): value = AttributeValue.Decimal(d); return true;
            case AttributeType.Boolean when TryBoolean(cell, out var b, out error): value = AttributeValue.Boolean(b); return true;
            case AttributeType.Date when TryDate(cell, out var date, out error): value = AttributeValue.Date(date); return true;
            case AttributeType.Instant when TryInstant(cell, out var at, out error): value = AttributeValue.Instant(at); return true;
            default:
                return false;
        }
    }

    /// <summary>The digits as <see cref="decimal.ToString()"/> would print them: no '+', no leading zeros, scale kept.</summary>
    private static string Canonical(Match match)
    {
        var sign = match.Groups["sign"].Value == "-" ? "-" : "";
        var whole = match.Groups["whole"].Value.TrimStart('0');
        if (whole.Length == 0) whole = "0";
        var fraction = match.Groups["fraction"].Value;
        var text = fraction.Length == 0 ? whole : $"{whole}.{fraction}";
        return text.Trim('0', '.').Length == 0 ? text : sign + text;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntegerShape();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<whole>[0-9]+)(\.(?<fraction>[0-9]+))?$")]
    private static partial Regex DecimalShape();

    [GeneratedRegex(@"T.*(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex OffsetSuffix();
}
