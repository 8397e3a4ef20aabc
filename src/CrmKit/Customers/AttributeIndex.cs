using System.Globalization;

namespace CrmKit;

/// <summary>
/// The keys under which a customer's attribute values are indexed for equality look-ups
/// (<see cref="CustomerBook.WithAttribute"/>): one per value, one per item of a list. Equal values
/// give equal keys whatever their decimal scale or offset. Stores index these keys as they are.
/// </summary>
public static class AttributeIndex
{
    /// <summary>Every index key of a customer's attributes.</summary>
    public static IEnumerable<string> Keys(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Attributes.SelectMany(a => Keys(a.Key, a.Value));
    }

    /// <summary>The index keys of one attribute value.</summary>
    public static IEnumerable<string> Keys(string name, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Raw switch
        {
            string[] items => items.Select(i => Key(name, AttributeType.Text, i)),
            _ => [Key(name, value.Type, Canonical(value.Raw))],
        };
    }

    private static string Key(string name, AttributeType type, string canonical) =>
        $"{name}\u001f{(type == AttributeType.TextList ? AttributeType.Text : type)}\u001f{canonical}";

    /// <summary>The canonical invariant text of a raw attribute value: equal values, equal text.</summary>
    internal static string Canonical(object raw) => raw switch
    {
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        DateTimeOffset i => i.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.DayNumber.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? "",
    };
}
