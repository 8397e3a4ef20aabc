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
