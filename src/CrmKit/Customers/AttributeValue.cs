using System.Globalization;

namespace CrmKit;

/// <summary>
/// The typed value of a custom attribute. Create one with the factory methods
/// (<see cref="Text"/>, <see cref="Integer"/>, …) and read it back with the matching accessor,
/// which throws when the value is of another type.
/// </summary>
public sealed record AttributeValue
{
    private readonly object _value;

    private AttributeValue(AttributeType type, object value)
    {
        Type = type;
        _value = value;
    }

    /// <summary>The value's type.</summary>
    public AttributeType Type { get; }

    /// <summary>A text value (at most 10,000 characters).</summary>
    public static AttributeValue Text(string value) =>
        new(AttributeType.Text, Require.OptionalText(value ?? throw new CrmValidationException("value", "is required but was null."), "value")!);

    /// <summary>A whole-number value.</summary>
    public static AttributeValue Integer(long value) => new(AttributeType.Integer, value);

    /// <summary>A decimal value.</summary>
    public static AttributeValue Decimal(decimal value) => new(AttributeType.Decimal, value);

    /// <summary>A true/false value.</summary>
    public static AttributeValue Boolean(bool value) => new(AttributeType.Boolean, value);

    /// <summary>A date value.</summary>
    public static AttributeValue Date(DateOnly value) => new(AttributeType.Date, value);

    /// <summary>An instant value; its offset is kept.</summary>
    public static AttributeValue Instant(DateTimeOffset value) => new(AttributeType.Instant, Require.Instant(value, "value"));

    /// <summary>A list of strings; the order is kept.</summary>
    public static AttributeValue TextList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null) throw new CrmValidationException($"value[{i}]", "is null.");
            Require.OptionalText(list[i], $"value[{i}]");
        }
        return new(AttributeType.TextList, list);
    }

    /// <summary>The text; throws unless <see cref="Type"/> is <see cref="AttributeType.Text"/>.</summary>
    public string AsText() => As<string>(AttributeType.Text);

    /// <summary>The whole number; throws unless the type is <see cref="AttributeType.Integer"/>.</summary>
    public long AsInteger() => As<long>(AttributeType.Integer);

    /// <summary>The decimal; throws unless the type is <see cref="AttributeType.Decimal"/>.</summary>
    public decimal AsDecimal() => As<decimal>(AttributeType.Decimal);

    /// <summary>The boolean; throws unless the type is <see cref="AttributeType.Boolean"/>.</summary>
    public bool AsBoolean() => As<bool>(AttributeType.Boolean);

    /// <summary>The date; throws unless the type is <see cref="AttributeType.Date"/>.</summary>
    public DateOnly AsDate() => As<DateOnly>(AttributeType.Date);

    /// <summary>The instant; throws unless the type is <see cref="AttributeType.Instant"/>.</summary>
    public DateTimeOffset AsInstant() => As<DateTimeOffset>(AttributeType.Instant);

    /// <summary>The strings; throws unless the type is <see cref="AttributeType.TextList"/>.</summary>
    public IReadOnlyList<string> AsTextList() => As<string[]>(AttributeType.TextList);

    /// <summary>The raw value (string, long, decimal, bool, DateOnly, DateTimeOffset or string[]).</summary>
    internal object Raw => _value;

    internal static AttributeValue FromRaw(AttributeType type, object value) => new(type, value);

    /// <summary>Compares by type and value; an instant compares by instant and offset; a list by its items in order.</summary>
    public bool Equals(AttributeValue? other) =>
        other is not null && other.Type == Type && (Type switch
        {
            AttributeType.TextList => ((string[])_value).SequenceEqual((string[])other._value, StringComparer.Ordinal),
            AttributeType.Instant => ((DateTimeOffset)_value).EqualsExact((DateTimeOffset)other._value),
            AttributeType.Decimal => (decimal)_value == (decimal)other._value && ((decimal)_value).Scale == ((decimal)other._value).Scale,
            _ => _value.Equals(other._value),
        });

    /// <inheritdoc/>
    public override int GetHashCode() => Type == AttributeType.TextList
        ? HashCode.Combine(Type, ((string[])_value).Length)
        : HashCode.Combine(Type, _value);

    /// <inheritdoc/>
    public override string ToString() => _value switch
    {
        string[] list => "[" + string.Join(", ", list) + "]",
        DateTimeOffset instant => instant.ToString("o", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => _value.ToString() ?? "",
    };

    private T As<T>(AttributeType expected) => Type == expected
        ? (T)_value
        : throw new InvalidOperationException($"The attribute holds {Type}, not {expected}.");
}
