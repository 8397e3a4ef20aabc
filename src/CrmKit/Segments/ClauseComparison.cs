using System.Globalization;

namespace CrmKit;

/// <summary>The comparisons behind <see cref="SegmentClause"/>: numbers, and attribute values by their type.</summary>
internal static class ClauseComparison
{
    internal static bool Compare(ClauseOperator op, decimal actual, object expected) => Order(op, actual.CompareTo((decimal)expected));

    /// <summary>
    /// Whole days in <paramref name="span"/>, rounded down (a span of -1 tick is day -1), counted in
    /// ticks so that a server comparing instants gets the same answer as this count.
    /// </summary>
    internal static long WholeDays(TimeSpan span) => span.Ticks >= 0
        ? span.Ticks / TimeSpan.TicksPerDay
        : -((-span.Ticks + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);

    internal static bool Attribute(ClauseOperator op, AttributeValue value, object expected)
    {
        if (op == ClauseOperator.Contains)
            return value.Type == AttributeType.TextList && value.AsTextList().Contains((string)expected, StringComparer.Ordinal);
        int order;
        switch (value.Raw, expected)
        {
            case (string a, string b): order = string.CompareOrdinal(a, b); break;
            case (long a, long b): order = a.CompareTo(b); break;
            case (long a, decimal b): order = ((decimal)a).CompareTo(b); break;
            case (decimal a, decimal b): order = a.CompareTo(b); break;
            case (decimal a, long b): order = a.CompareTo(b); break;
            case (bool a, bool b): order = a.CompareTo(b); break;
            case (DateOnly a, DateOnly b): order = a.CompareTo(b); break;
            case (DateTimeOffset a, long ticks): order = a.UtcTicks.CompareTo(ticks); break;
            default: return false;
        }
        return Order(op, order);
    }

    /// <summary>Reads a clause value stored as canonical text (see CustomerDocument.Canonical).</summary>
    internal static object Parse(AttributeType type, string text)
    {
        var ok = true;
        object result = text;
        switch (type)
        {
            case AttributeType.Integer: ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l); result = l; break;
            case AttributeType.Decimal: ok = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d); result = d; break;
            case AttributeType.Boolean: ok = bool.TryParse(text, out var b); result = b; break;
            case AttributeType.Date: ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var day); result = DateOnly.FromDayNumber(Math.Clamp(day, 0, DateOnly.MaxValue.DayNumber)); break;
            case AttributeType.Instant: ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks); result = ticks; break;
        }
        return ok ? result : throw new CrmValidationException("clause.values[0]", $"'{text}' is not a valid {type}.");
    }

    private static bool Order(ClauseOperator op, int order) => op switch
    {
        ClauseOperator.Equal => order == 0,
        ClauseOperator.NotEqual => order != 0,
        ClauseOperator.Less => order < 0,
        ClauseOperator.LessOrEqual => order <= 0,
        ClauseOperator.Greater => order > 0,
        ClauseOperator.GreaterOrEqual => order >= 0,
        _ => false,
    };
}
