namespace CrmKit;

/// <summary>Input checks shared by the domain types; each failure names its field.</summary>
internal static class Require
{
    /// <summary>Longest code, name or label CrmKit accepts.</summary>
    internal const int MaxNameLength = 200;

    /// <summary>Longest free text (notes, reasons, attribute text) CrmKit accepts.</summary>
    internal const int MaxTextLength = 10_000;

    /// <summary>Largest absolute money amount accepted, so sums over a customer's history cannot overflow.</summary>
    internal const decimal MaxAmount = 1_000_000_000_000_000m;

    internal static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset LatestInstant = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static string Name(string? value, string field, int maxLength = MaxNameLength)
    {
        if (value is null) throw new CrmValidationException(field, "is required but was null.");
        if (string.IsNullOrWhiteSpace(value)) throw new CrmValidationException(field, "is required but was empty.");
        if (value.Length > maxLength) throw new CrmValidationException(field, $"is {value.Length} characters long; at most {maxLength} are allowed.");
        return value;
    }

    internal static string? OptionalName(string? value, string field, int maxLength = MaxNameLength) =>
        value is null ? null : Name(value, field, maxLength);

    internal static string? OptionalText(string? value, string field) =>
        value is null || value.Length <= MaxTextLength
            ? value
            : throw new CrmValidationException(field, $"is {value.Length} characters long; at most {MaxTextLength} are allowed.");

    /// <summary>A lower-case identifier such as a channel, interaction kind or stage name.</summary>
    internal static string Identifier(string? value, string field)
    {
        Name(value, field, 64);
        foreach (var c in value!)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
                throw new CrmValidationException(field, $"'{value}' may use only lower-case letters a-z, digits, '-', '_' and '.'.");
        }
        return value;
    }

    internal static DateTimeOffset Instant(DateTimeOffset value, string field) =>
        value >= EarliestInstant && value < LatestInstant
            ? value
            : throw new CrmValidationException(field, $"{value:o} is outside the accepted range {EarliestInstant:yyyy-MM-dd} to {LatestInstant:yyyy-MM-dd}.");

    internal static decimal Amount(decimal value, string field) =>
        Math.Abs(value) <= MaxAmount
            ? value
            : throw new CrmValidationException(field, $"{value} exceeds the largest accepted amount {MaxAmount}.");
}
