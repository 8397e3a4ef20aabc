using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.PostgreSql.Tests;

/// <summary>
/// The one place properties of this project draw their values from: schema names, and values as
/// the domain's generators draw them (instants at tick precision with offsets from -14:00 to
/// +14:00, decimals of every scale, Unicode text).
/// </summary>
public static class Generators
{
    public static readonly string[] UnicodeSamples =
    [
        "李伟", "王芳", "محمد علي", "José Ñúñez", "Zoë Æsir", "🚗💨", "👨‍👩‍👧‍👦 family", "Дмитрий", "e\u0301cole", "quote \" and \\ slash", "tab\tnew\nline",
    ];

    public static Gen<string> UnicodeText { get; } =
        Gen.OneOf(Gen.Elements(UnicodeSamples), Gen.Elements(UnicodeSamples).ListOf().Select(parts => string.Concat(parts)).Where(s => s.Length is > 0 and <= 80));

    /// <summary>Instants from 2000 to 2030 at tick precision, in offsets of whole minutes up to ±14 hours.</summary>
    public static Gen<DateTimeOffset> Instant { get; } =
        from ticks in Gen.Choose(0, int.MaxValue).Two()
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        let baseTicks = new DateTime(2000, 1, 1).Ticks
        let span = (long)ticks.Item1 * 1_000_000L % (30L * 365 * TimeSpan.TicksPerDay) + ticks.Item2 % 10_000_000
        select new DateTimeOffset(baseTicks + span, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    /// <summary>Decimals of scale 0 to 6, some negative, some large.</summary>
    public static Gen<decimal> Money { get; } =
        from units in Gen.Choose(0, int.MaxValue)
        from high in Gen.Choose(0, 1000)
        from scale in Gen.Choose(0, 6)
        from negative in Gen.Elements(false, false, true)
        select new decimal(units, high, 0, negative, (byte)scale);

    public static Gen<AttributeValue> Attribute { get; } =
        Gen.OneOf(
            UnicodeText.Select(AttributeValue.Text),
            Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => AttributeValue.Integer(((long)t.Item1 << 32) | (uint)t.Item2)),
            Money.Select(AttributeValue.Decimal),
            Gen.Elements(true, false).Select(AttributeValue.Boolean),
            Gen.Choose(0, 60_000).Select(d => AttributeValue.Date(DateOnly.FromDayNumber(693_595 + d))),
            Instant.Select(AttributeValue.Instant),
            UnicodeText.ListOf().Select(l => AttributeValue.TextList(l)));

    public static Gen<Dictionary<string, AttributeValue>> Attributes { get; } =
        from pairs in Gen.Zip(Gen.OneOf(UnicodeText, Gen.Elements("age", "model-of-interest", "vip.since", "家庭")), Attribute).ListOf()
        select pairs.GroupBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

    private const string First = "abcdefghijklmnopqrstuvwxyz_";
    private const string Rest = First + "0123456789";

    /// <summary>Valid schema names: lower-case identifiers of 1 to 63 characters, never starting with 'pg_'.</summary>
    public static Gen<string> SchemaName { get; } =
        from first in Gen.Elements(First.ToCharArray())
        from length in Gen.OneOf(Gen.Choose(0, 12), Gen.Constant(62))
        from rest in Gen.Elements(Rest.ToCharArray()).ArrayOf(length)
        let name = first + new string(rest)
        where !name.StartsWith("pg_", StringComparison.Ordinal)
        select name;

    /// <summary>Strings that are not valid schema names: upper case, spaces, quotes, too long, empty, reserved prefix.</summary>
    public static Gen<string> InvalidSchemaName { get; } =
        Gen.OneOf(
            Gen.Elements("", " ", "Crm", "crm kit", "crm\"kit", "crm;drop", "9lives", "pg_crm", "crm-kit", "crmkit\u00e9", new string('a', 64)),
            SchemaName.Select(s => s + "-"),
            SchemaName.Select(s => s.ToUpperInvariant() + "X"));
}

/// <summary>Recency on the server: last purchases a whole number of days before an instant, a microsecond either side, and the instants and filters that test them.</summary>
public static class RecencyGenerators
{
    /// <summary>The instant the seeded purchases are placed around.</summary>
    public static readonly DateTimeOffset Around = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Last purchases: <c>days</c> before <see cref="Around"/>, moved by a few microseconds or by up to a day; none for some.</summary>
    public static IEnumerable<DateTimeOffset?> LastPurchases()
    {
        var random = new Random(20261126);
        foreach (var days in new[] { 0, 1, 2, 3, 7, 29, 30, 31, 89, 90, 91, 365, 366, 4000 })
        {
            foreach (var micros in new[] { -1L, 0, 1, 7 })
                yield return Around.AddDays(-days).AddTicks(micros * 10).ToOffset(TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60)));
            yield return Around.AddDays(-days).AddTicks(random.NextInt64(-TimeSpan.TicksPerDay, TimeSpan.TicksPerDay) / 10 * 10);
        }
        yield return Around.AddDays(1);
        yield return null;
    }

    /// <summary>Evaluation instants: the seeding instant, a tick or a microsecond either side, or anywhere within three days.</summary>
    public static Gen<DateTimeOffset> At { get; } =
        Gen.OneOf(
            Gen.Elements(0L, 1, -1, 9, -9, 10, -10, 11).Select(t => Around.AddTicks(t)),
            Gen.Choose(-3 * 24 * 60, 3 * 24 * 60).Zip(Gen.Choose(0, 599_999_999)).Select(p => Around.AddMinutes(p.Item1).AddTicks(p.Item2 % 600_000_000)),
            Gen.Choose(-2, 2).Select(d => Around.AddDays(d)));

    /// <summary>A recency clause with any operator on the seeded day counts (and their neighbours), maybe beside a tag clause.</summary>
    public static Gen<SegmentFilter> Filter { get; } =
        from op in Gen.Elements(ClauseOperator.Equal, ClauseOperator.NotEqual, ClauseOperator.Less, ClauseOperator.LessOrEqual, ClauseOperator.Greater, ClauseOperator.GreaterOrEqual)
        from days in Gen.Elements(-1, 0, 1, 2, 3, 6, 7, 8, 29, 30, 31, 90, 91, 365, 400, 3999, 4000, 4001)
        from tagged in Gen.Elements(false, false, true)
        select tagged
            ? new SegmentFilter(SegmentClause.RecencyDays(op, days), SegmentClause.HasAnyTag("recent-vip"))
            : new SegmentFilter(SegmentClause.RecencyDays(op, days));
}
