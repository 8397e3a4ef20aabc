using System.Globalization;
using System.Text;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// The scale benchmark's customer base, drawn from a seed so every step (and every store) can
/// regenerate any customer or interaction without holding the base: customer <c>i</c> and its
/// interaction <c>k</c> depend only on <c>i</c> and <c>k</c>.
/// </summary>
/// <remarks>
/// Customers carry what a telecom or retail base carries: a name (one in eight in Chinese), tags,
/// an owner, an email address and a phone number, consents on two channels, a birthday, a time zone
/// and two declared attributes. Each has <see cref="InteractionsPerCustomer"/> interactions over two
/// years, in the offset of the customer's time zone: purchases with amounts (six in ten), service
/// visits and inquiries, some with staff and an order number. Appends come in rounds: round
/// <c>k</c> holds interaction <c>k</c> of every customer in a scrambled order, so a batch of 1,000
/// touches 1,000 different customers, as a day's feed would.
/// </remarks>
internal static class ScaleData
{
    internal const int InteractionsPerCustomer = 10;
    internal const int CreateBatch = 5_000;
    internal const int AppendBatch = 1_000;

    /// <summary>The clock of every step: after the last interaction of the base.</summary>
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Start = Now.AddDays(-730);
    private static readonly string[] Tags = ["vip", "newsletter", "car-owner", "family", "key-account", "b2b"];
    private static readonly (string Zone, TimeSpan Offset)[] Zones =
    [
        ("Europe/Paris", TimeSpan.FromHours(1)), ("Asia/Shanghai", TimeSpan.FromHours(8)), ("America/New_York", TimeSpan.FromHours(-5)),
        ("UTC", TimeSpan.Zero), ("Asia/Kathmandu", new TimeSpan(5, 45, 0)), ("Europe/London", TimeSpan.Zero),
    ];
    private static readonly string[] Plans = ["prepaid", "basic", "plus", "unlimited"];
    private static readonly string[] Channels = ["store", "web", "phone", "app"];

    /// <summary>The attribute schema every database of the benchmark declares.</summary>
    internal static AttributeSchema Schema => AttributeSchema.Empty.Define("plan", AttributeType.Text).Define("age", AttributeType.Integer);

    /// <summary>The code of customer <paramref name="i"/>.</summary>
    internal static string Code(int i) => "C-" + i.ToString("D7", CultureInfo.InvariantCulture);

    private static Random For(int i, int k) => new(unchecked(i * 7_919 + k * 104_729 + 17));

    /// <summary>Customer <paramref name="i"/> as given to <c>CreateMany</c>.</summary>
    internal static Customer Customer(int i)
    {
        var r = For(i, 0);
        var zone = Zones[r.Next(Zones.Length)];
        var name = r.Next(8) == 0 ? $"客户 {i}" : $"Customer {i}";
        var tags = Tags.Where(_ => r.Next(4) == 0).Order(StringComparer.Ordinal).ToArray();
        var consentSms = r.Next(5) != 0;
        return new Customer(Code(i), name)
        {
            Tags = tags,
            Owner = "owner-" + r.Next(40).ToString(CultureInfo.InvariantCulture),
            ContactPoints = [new ContactPoint("email", $"c{i}@example.com"), new ContactPoint("phone", "+86 138 " + (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture))],
            Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(consentSms, Now.AddDays(-800)), [Channel.Email] = new(true, Now.AddDays(-800)) },
            Birthday = new DateOnly(1950 + r.Next(55), 1, 1).AddDays(r.Next(365)),
            TimeZone = zone.Zone,
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["plan"] = AttributeValue.Text(Plans[r.Next(Plans.Length)]),
                ["age"] = AttributeValue.Integer(18 + r.Next(70)),
            },
        };
    }

    /// <summary>Interaction <paramref name="k"/> (0 to 9) of customer <paramref name="i"/>; the ten come in time order.</summary>
    internal static Interaction Interaction(int i, int k)
    {
        var zone = Zones[For(i, 0).Next(Zones.Length)].Offset;
        var r = For(i, k + 1);
        // The k-th interaction falls in the k-th tenth of the two years.
        var at = Start.AddDays(73 * k + r.Next(73)).AddMinutes(r.Next(12 * 60) + 8 * 60).ToOffset(zone);
        var roll = r.Next(10);
        var kind = roll < 6 ? InteractionKind.Purchase : roll < 8 ? InteractionKind.ServiceVisit : InteractionKind.Inquiry;
        var channel = Channels[r.Next(Channels.Length)];
        return new Interaction(Code(i), kind, channel, at)
        {
            Amount = kind == InteractionKind.Purchase ? r.Next(500, 200_000) / 100m : null,
            Staff = channel == "store" ? "staff-" + r.Next(200).ToString(CultureInfo.InvariantCulture) : null,
            Metadata = kind == InteractionKind.Purchase && r.Next(3) == 0
                ? new Dictionary<string, string> { ["order"] = "O-" + r.Next(100_000_000).ToString(CultureInfo.InvariantCulture) }
                : new Dictionary<string, string>(),
        };
    }

    /// <summary>Which customer comes at position <paramref name="j"/> of a round of <paramref name="customers"/> (a fixed scramble).</summary>
    internal static int Scrambled(long j, int customers) => (int)(j * 7_919 % customers);

    /// <summary>Every interaction of the base in append order: rounds of one interaction per customer, customers scrambled.</summary>
    internal static IEnumerable<Interaction> Interactions(int customers)
    {
        for (var k = 0; k < InteractionsPerCustomer; k++)
        {
            for (var j = 0; j < customers; j++) yield return Interaction(Scrambled(j, customers), k);
        }
    }

    /// <summary>The header and rows of a customers CSV of the base, as <c>crmkit import customers</c> reads it.</summary>
    internal static void WriteCustomersCsv(string path, int customers)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("code,name,tags,owner,email,phone,birthday,time-zone,attr:plan,attr:age,consent:sms,consent:email");
        for (var i = 0; i < customers; i++)
        {
            var c = Customer(i);
            writer.WriteLine(string.Join(',', c.Code.Value, c.Name, string.Join(';', c.Tags), c.Owner,
                c.ContactPoints[0].Value, c.ContactPoints[1].Value, c.Birthday!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.TimeZone,
                c.Attributes["plan"].ToString(), c.Attributes["age"].ToString(), c.Consents[Channel.Sms].Granted ? "yes" : "no", "yes"));
        }
    }

    /// <summary>An interactions CSV with interaction <paramref name="k"/> of every customer, in scrambled order.</summary>
    internal static void WriteInteractionsCsv(string path, int customers, int k)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("customer,kind,channel,occurred-at,amount,staff,meta:order");
        for (var j = 0; j < customers; j++)
        {
            var x = Interaction(Scrambled(j, customers), k);
            writer.WriteLine(string.Join(',', x.Customer.Value, x.Kind.Name, x.Channel.Name, x.OccurredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                x.Amount?.ToString(CultureInfo.InvariantCulture) ?? "", x.Staff ?? "", x.Metadata.GetValueOrDefault("order") ?? ""));
        }
    }
}
