using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Scripting.Tests;

/// <summary>
/// The one place properties of this project draw customers and stats from: Unicode names and
/// tags (Chinese, Arabic, emoji), instants with offsets from -14:00 to +14:00, decimals of every
/// scale, and the attributes the accepted corpus reads (sometimes missing), so scripts run their
/// whole paths over them.
/// </summary>
public static class Generators
{
    private static readonly string[] UnicodeSamples = ["Ana", "José", "李小龙", "محمد", "🚗 fleet", "Zoë O'Neil", "", " "];
    private static readonly string[] TagPool = ["vip", "newsletter", "car-owner", "family", "新客户", "عميل", "🔥hot", "vi"];
    private static readonly string[] Kinds = ["purchase", "refund", "service-visit", "complaint", "test-drive"];
    private static readonly string[] ChannelNames = ["store", "phone", "sms", "email", "web"];

    public static Gen<string> UnicodeText { get; } =
        Gen.Elements(UnicodeSamples).SelectMany(a => Gen.Elements(UnicodeSamples).Select(b => (a + " " + b).Trim()));

    public static Gen<DateTimeOffset> Instant { get; } =
        from ticks in Gen.Choose(0, int.MaxValue)
        from minutes in Gen.Choose(-14 * 60, 14 * 60)
        select new DateTimeOffset(new DateTime(2020, 1, 1).AddTicks(ticks * 1_000L), TimeSpan.FromMinutes(minutes));

    public static Gen<decimal> Money { get; } =
        from units in Gen.Choose(0, 5_000_000)
        from scale in Gen.Choose(0, 4)
        select new decimal(units, 0, 0, false, (byte)scale);

    /// <summary>A customer with some of the attributes scripts read (age, income, occupation, last_service, vehicles).</summary>
    public static Gen<Customer> Customer { get; } =
        from index in Gen.Choose(1, 999_999)
        from name in UnicodeText
        from tags in Gen.SubListOf(TagPool)
        from age in Gen.Choose(18, 99)
        from income in Money
        from occupation in UnicodeText
        from serviced in Instant
        from vehicles in UnicodeText.ListOf().Where(l => l.Count <= 4)
        from present in Gen.Choose(0, 31)
        from emailOptIn in Gen.Elements(true, false)
        from consentAt in Instant
        from birthday in Gen.Choose(1, 30_000)
        select new Customer($"C-{index:D6}", name.Length == 0 ? "x" : name)
        {
            Tags = tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ContactPoints = [ContactPoint.Email($"c{index}@example.com"), ContactPoint.Phone($"+351 91{index:D7}")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Email] = new(emailOptIn, consentAt), [Channel.Sms] = new(!emailOptIn, consentAt) },
            Attributes = Attributes(present, age, income, occupation, serviced, vehicles),
            Owner = index % 2 == 0 ? "maria" : null,
            Grade = "ABC"[index % 3].ToString(),
            Group = index % 5 == 0 ? new CustomerGroup(CustomerGroupKind.Household, $"H-{index % 97}") : null,
            Birthday = index % 4 == 0 ? null : DateOnly.FromDayNumber(700_000 + birthday),
            TimeZone = index % 3 == 0 ? "Europe/Lisbon" : null,
        };

    /// <summary>Stats with counts, totals and per-kind and per-channel figures, held in plain (mutable) dictionaries.</summary>
    public static Gen<CustomerStats> Stats { get; } =
        from purchases in Gen.Choose(0, 50)
        from others in Gen.Choose(0, 50)
        from total in Money
        from last in Instant
        from kinds in Gen.SubListOf(Kinds)
        from channels in Gen.SubListOf(ChannelNames)
        select new CustomerStats
        {
            InteractionCount = purchases + others,
            PurchaseCount = purchases,
            MonetaryTotal = purchases == 0 ? 0m : total,
            FirstPurchaseAt = purchases == 0 ? null : last.AddDays(-400),
            LastPurchaseAt = purchases == 0 ? null : last,
            LastContactAt = last.AddDays(3),
            CountsByKind = kinds.ToDictionary(k => k, k => k.Length + purchases, StringComparer.Ordinal),
            CountsByChannel = channels.ToDictionary(c => c, c => c.Length, StringComparer.Ordinal),
            LastByKind = kinds.ToDictionary(k => k, k => last.AddHours(-k.Length), StringComparer.Ordinal),
        };

    private static Dictionary<string, AttributeValue> Attributes(int present, int age, decimal income, string occupation, DateTimeOffset serviced, List<string> vehicles)
    {
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        if ((present & 1) != 0) attributes["age"] = AttributeValue.Integer(age);
        if ((present & 2) != 0) attributes["income"] = AttributeValue.Decimal(income);
        if ((present & 4) != 0 && occupation.Length > 0) attributes["occupation"] = AttributeValue.Text(occupation);
        if ((present & 8) != 0) attributes["last_service"] = AttributeValue.Date(DateOnly.FromDateTime(serviced.Date));
        if ((present & 16) != 0) attributes["vehicles"] = AttributeValue.TextList(vehicles.Where(v => v.Length > 0));
        return attributes;
    }
}
