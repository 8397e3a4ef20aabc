using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Tests;

/// <summary>
/// The one place properties draw customers, interactions and instants from, so every property
/// sees the same odd cases: Unicode names (Chinese, Arabic, emoji), instants with offsets from
/// -14:00 to +14:00 at microsecond precision, decimals of every scale, refunds. Shared by every
/// project that runs the store contract suite; the project's own generators extend this class.
/// </summary>
public static partial class Generators
{
    public static readonly string[] UnicodeSamples =
    [
        "李伟", "王芳", "محمد علي", "فاطمة", "José Ñúñez", "Zoë Æsir", "🚗💨", "👨‍👩‍👧‍👦 family", "Ωmega", "नमस्ते", "Дмитрий", "e\u0301cole",
    ];

    public static readonly string[] Kinds = ["purchase", "purchase", "purchase", "refund", "service-visit", "complaint", "test-drive", "inquiry"];
    public static readonly string[] Channels = ["store", "phone", "sms", "email", "messaging", "web", "app"];
    public static readonly string[] TagPool = ["vip", "family", "premium", "fleet", "新客户", "عميل", "🔥hot", "returning"];

    public static Gen<string> UnicodeText { get; } =
        Gen.OneOf(
            Gen.Elements(UnicodeSamples),
            Gen.Elements(UnicodeSamples).ListOf().Select(parts => string.Concat(parts)).Where(s => s.Length is > 0 and <= 80),
            Gen.Choose(0x4E00, 0x9FFF).Select(c => (char)c).ArrayOf().Where(a => a.Length is > 0 and < 40).Select(a => new string(a)));

    /// <summary>
    /// Instants from 2000 to 2030 in offsets of whole minutes up to ±14 hours, at whole
    /// microseconds: the store contract keeps instants to the microsecond (PostgreSQL's
    /// <c>timestamptz</c>), so finer ticks would be a difference no store promises to keep.
    /// </summary>
    public static Gen<DateTimeOffset> Instant { get; } =
        from ticks in Gen.Choose(0, int.MaxValue).Two()
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        let baseTicks = new DateTime(2000, 1, 1).Ticks
        let span = (long)ticks.Item1 * 1_000_000L % (30L * 365 * TimeSpan.TicksPerDay) + ticks.Item2 % 10_000_000 / 10 * 10
        select new DateTimeOffset(baseTicks + span, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static Gen<decimal> Money { get; } =
        from units in Gen.Choose(0, 5_000_000)
        from scale in Gen.Choose(0, 6)
        select new decimal(units, 0, 0, false, (byte)scale);

    public static Gen<int> CustomerIndex(int customers) => Gen.Choose(0, customers - 1);

    /// <summary>An interaction for one of <paramref name="customers"/> customers named C0, C1, …</summary>
    public static Gen<Interaction> InteractionFor(int customers) =>
        from index in CustomerIndex(customers)
        from kind in Gen.Elements(Kinds)
        from channel in Gen.Elements(Channels)
        from at in Instant
        from amount in Money
        from hasAmount in Gen.Elements(true, false)
        from notes in UnicodeText
        select new Interaction($"C{index}", kind, channel, at)
        {
            Amount = kind switch
            {
                "purchase" => amount,
                "refund" => -amount,
                _ => hasAmount ? amount : null,
            },
            Notes = notes,
        };

    /// <summary>Batches of interactions over a small set of customers.</summary>
    public static Gen<Interaction[][]> Batches(int customers) =>
        InteractionFor(customers).ArrayOf().Where(b => b.Length <= 12).ArrayOf().Where(bs => bs.Length <= 10);

    public static Gen<Customer> Customer(string code) =>
        from name in UnicodeText
        from tags in Gen.SubListOf(TagPool)
        from phone in Gen.Choose(1_000_000, 9_999_999)
        from email in UnicodeText
        from age in Gen.Choose(18, 99)
        from balance in Money
        from born in Instant
        from hobbies in UnicodeText.ListOf().Where(l => l.Count <= 4)
        from optIn in Gen.Elements(true, false)
        select new Customer(code, name)
        {
            Tags = tags.ToArray(),
            ContactPoints = [ContactPoint.Phone($"+86 138 {phone}"), ContactPoint.Email($"{email}@example.com")],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(optIn, born) },
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["occupation"] = AttributeValue.Text(name + " works"),
                ["age"] = AttributeValue.Integer(age),
                ["balance"] = AttributeValue.Decimal(balance),
                ["member"] = AttributeValue.Boolean(optIn),
                ["licensed-on"] = AttributeValue.Date(DateOnly.FromDateTime(born.Date)),
                ["last-visit"] = AttributeValue.Instant(born),
                ["hobbies"] = AttributeValue.TextList(hobbies),
            },
            Owner = "Sales " + (phone % 3),
            Grade = "ABCDEFG"[phone % 7].ToString(),
            Birthday = DateOnly.FromDateTime(born.Date),
        };

    /// <summary>Every time zone this machine knows, including DST zones and odd offsets (Kathmandu, Chatham, Lord Howe).</summary>
    public static readonly string[] TimeZoneIds = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    public static Gen<TimeZoneInfo> Zone { get; } = Gen.Elements(TimeZoneIds).Select(TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>Instants within two years of 2026-11-26, where sweeps and care rules are exercised.</summary>
    public static Gen<DateTimeOffset> NearInstant { get; } =
        from minutes in Gen.Choose(-365 * 24 * 60, 365 * 24 * 60)
        from offsetMinutes in Gen.Choose(-14 * 4, 14 * 4)
        select new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero).AddMinutes(minutes).ToOffset(TimeSpan.FromMinutes(offsetMinutes * 15));

    /// <summary>A customer for care: a birthday near the test clock, a time zone, consents granted or withdrawn per channel, maybe a key account.</summary>
    public static Gen<Customer> CareCustomer(string code) =>
        from name in UnicodeText
        from zone in Gen.Elements(TimeZoneIds)
        from birthdayOffset in Gen.Choose(-5, 10)
        from birthYear in Gen.Choose(1950, 2004)
        from consents in Gen.Elements(true, false).ArrayOf(3)
        from consentKnown in Gen.Elements(true, true, false).ArrayOf(3)
        from key in Gen.Elements(true, false)
        from owner in Gen.Elements("Ana", "李", "Omar")
        let birthday = new DateOnly(2026, 11, 26).AddDays(birthdayOffset)
        select new Customer(code, name)
        {
            TimeZone = zone,
            Birthday = new DateOnly(birthYear, birthday.Month, Math.Min(birthday.Day, DateTime.DaysInMonth(birthYear, birthday.Month))),
            Consents = new[] { Channel.Sms, Channel.Phone, Channel.Email }
                .Select((c, i) => (c, i)).Where(x => consentKnown[x.i])
                .ToDictionary(x => x.c, x => new Consent(consents[x.i], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))),
            Tags = key ? ["key-account"] : [],
            Owner = owner,
        };

    /// <summary>The attribute schema every generated customer fits.</summary>
    public static AttributeSchema Schema { get; } = AttributeSchema.Empty
        .Define("occupation", AttributeType.Text)
        .Define("age", AttributeType.Integer)
        .Define("balance", AttributeType.Decimal)
        .Define("member", AttributeType.Boolean)
        .Define("licensed-on", AttributeType.Date)
        .Define("last-visit", AttributeType.Instant)
        .Define("hobbies", AttributeType.TextList);
}
