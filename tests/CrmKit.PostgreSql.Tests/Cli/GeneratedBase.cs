using System.Globalization;
using System.Text;

namespace CrmKit.PostgreSql.Tests.Cli;

/// <summary>
/// A customer base generated from a seed and written as the CSV files an operator imports: customers
/// in a dozen time zones (with and without daylight saving, one at +05:45), Unicode names, tags,
/// owners, grades, birthdays around the sweep dates, attributes, and consents given, refused or left
/// blank per channel; interactions of every kind over two years, in offsets from -10:00 to +13:00,
/// with amounts at several scales, refunds, and customers who stopped buying. Nothing of it is in the
/// repository: the seed makes it.
/// </summary>
internal sealed class GeneratedBase
{
    private static readonly string[] Zones =
    [
        "Asia/Shanghai", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo",
        "Pacific/Auckland", "Asia/Kathmandu", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "UTC",
    ];

    private static readonly string[] Names = ["李伟", "王芳", "محمد علي", "José Ñúñez", "Zoë Æsir", "Дмитрий", "Anna Smith", "Ngozi Okafor", "e\u0301cole Dupont"];
    private static readonly string[] Tags = ["vip", "dealer", "fleet", "family", "gold", "mass"];
    private static readonly string[] Kinds = ["purchase", "purchase", "purchase", "service-visit", "complaint", "inquiry", "refund", "test-drive", "referral"];
    private static readonly string[] Channels = ["store", "phone", "sms", "email", "web", "app", "messaging"];
    private static readonly string[] Offsets = ["+08:00", "+00:00", "-05:00", "+10:00", "+05:30", "-03:00", "+13:00", "+05:45", "+01:00", "-08:00", "+09:00", "-10:00"];
    private static readonly string[] ConsentCells = ["yes", "no", "", "opt-in", "opt-out", ""];

    internal GeneratedBase(int seed, int count)
    {
        var random = new Random(seed);
        var customers = new StringBuilder("code,name,tags,owner,grade,email,phone,birthday,time-zone,attr:city,attr:visits,consent:sms,consent:email,consent:phone\n");
        var interactions = new StringBuilder("customer,kind,channel,occurred-at,amount,outcome,notes\n");
        for (var i = 1; i <= count; i++)
        {
            var code = Invariant($"G-{i:0000}");
            var zone = Zones[random.Next(Zones.Length)];
            var tags = string.Join(';', Tags.Where(_ => random.Next(4) == 0));
            // Birthdays near the sweep dates in March 2027, so the birthday rule proposes tasks.
            var birthday = new DateOnly(1950 + random.Next(55), 3, 1 + random.Next(28));
            Row(customers, code, $"{Names[random.Next(Names.Length)]} {i}", tags, $"agent.{(char)('a' + random.Next(4))}",
                random.Next(3) == 0 ? "" : ((char)('A' + random.Next(3))).ToString(), $"c{i}@example.com", Invariant($"+86 139 {i:0000} {random.Next(10_000):0000}"),
                random.Next(6) == 0 ? "" : birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), random.Next(10) == 0 ? "" : zone,
                Names[random.Next(Names.Length)].Split(' ')[0], random.Next(40).ToString(CultureInfo.InvariantCulture),
                ConsentCells[random.Next(ConsentCells.Length)], ConsentCells[random.Next(ConsentCells.Length)], ConsentCells[random.Next(ConsentCells.Length)]);

            // Active from some month of 2025 for a while; a third stop early enough for a churn warning.
            var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(300));
            var span = random.Next(3) == 0 ? 120 : 700;
            var events = random.Next(1, 16);
            for (var e = 0; e < events; e++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var offset = TimeSpan.Parse(Offsets[random.Next(Offsets.Length)].TrimStart('+'), CultureInfo.InvariantCulture);
                var at = start.AddMinutes(random.Next(span * 24 * 60)).ToOffset(offset);
                var money = random.Next(1, 500_000) / (decimal)Math.Pow(10, random.Next(0, 3));
                var amount = kind switch
                {
                    "purchase" => money.ToString(CultureInfo.InvariantCulture),
                    "refund" => (-money / 10).ToString(CultureInfo.InvariantCulture),
                    _ => "",
                };
                Row(interactions, code, kind, Channels[random.Next(Channels.Length)], at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    amount, random.Next(4) == 0 ? "resolved" : "", random.Next(5) == 0 ? $"note, \"quoted\" {Names[random.Next(Names.Length)]}" : "");
            }
        }
        CustomersCsv = customers.ToString();
        InteractionsCsv = interactions.ToString();
    }

    internal string CustomersCsv { get; }

    internal string InteractionsCsv { get; }

    private static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(c => c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
        csv.Append('\n');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
