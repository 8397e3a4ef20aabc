using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Cli.Tests.Import;

/// <summary>Any valid customers, written as CSV and imported, come back equal.</summary>
public class CustomerCsvRoundTripProperties
{
    private static readonly string[] Texts = ["李伟", "王芳", "محمد علي", "فاطمة", "José Ñúñez", "🚗💨", "👨‍👩‍👧‍👦 family", "Дмитрий", "say \"hi\", then go", "e\u0301cole"];
    private static readonly string[] Tags = ["vip", "family", "新客户", "عميل", "🔥hot"];
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Riyadh", "Europe/Paris", "Pacific/Chatham", "America/St_Johns"];

    private static Gen<Customer> Customer(int index) =>
        from name in Gen.Elements(Texts)
        from tags in Gen.SubListOf(Tags)
        from age in Gen.Choose(-1000, 1000)
        from units in Gen.Choose(-5_000_000, 5_000_000)
        from scale in Gen.Choose(0, 6)
        from member in Gen.Elements(true, false)
        from day in Gen.Choose(0, 100_000)
        from ticks in Gen.Choose(0, int.MaxValue)
        from offset in Gen.Choose(-14 * 4, 14 * 4)
        from hobbies in Gen.SubListOf(Texts.Where(t => !t.Contains(';')).ToArray())
        from zone in Gen.Elements(Zones)
        from hasBirthday in Gen.Elements(true, false)
        let date = new DateOnly(1900, 1, 1).AddDays(day % 100_000)
        let instant = new DateTimeOffset(new DateTime(2000, 1, 1).Ticks + (long)ticks * 397, TimeSpan.FromMinutes(offset * 15))
        select new Customer($"P-{index}", name)
        {
            Tags = tags.Order(StringComparer.Ordinal).ToArray(),
            Owner = "sales." + index,
            Grade = "ABC"[index % 3].ToString(),
            ContactPoints = [ContactPoint.Email($"p{index}@example.com"), ContactPoint.Phone($"+86 138 {index:D7}")],
            Birthday = hasBirthday ? date : null,
            TimeZone = zone,
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["age"] = AttributeValue.Integer(age),
                ["balance"] = AttributeValue.Decimal(new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale)),
                ["member"] = AttributeValue.Boolean(member),
                ["licensed-on"] = AttributeValue.Date(date),
                ["last-visit"] = AttributeValue.Instant(instant),
                ["hobbies"] = AttributeValue.TextList(hobbies),
                ["occupation"] = AttributeValue.Text(name + " works"),
            },
        };

    public static Arbitrary<Customer[]> Customers() =>
        Customer(0).ArrayOf().Where(a => a.Length is > 0 and <= 12)
            .Select(a => a.Select((c, i) => c with
            {
                Code = $"P-{i}",
                Owner = "sales." + i,
                ContactPoints = [ContactPoint.Email($"p{i}@example.com"), ContactPoint.Phone($"+86 138 {i:D7}")],
            }).ToArray())
            .ToArbitrary();

    private static string Cell(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    private static string ToCsv(IEnumerable<Customer> customers)
    {
        var csv = new StringBuilder("code,name,tags,owner,grade,email,phone,birthday,time-zone,attr:age,attr:balance,attr:member,attr:licensed-on,attr:last-visit,attr:hobbies,attr:occupation\n");
        foreach (var c in customers)
        {
            var a = c.Attributes;
            string[] cells =
            [
                c.Code.Value, c.Name, string.Join(";", c.Tags), c.Owner!, c.Grade!, c.ContactPoints[0].Value, c.ContactPoints[1].Value,
                c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.TimeZone!,
                a["age"].ToString(), a["balance"].ToString(), a["member"].AsBoolean() ? "true" : "false", a["licensed-on"].ToString(),
                a["last-visit"].AsInstant().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                string.Join(";", a["hobbies"].AsTextList()), a["occupation"].AsText(),
            ];
            csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
        }
        return csv.ToString();
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(CustomerCsvRoundTripProperties)])]
    public bool Imported_customers_equal_the_ones_written(Customer[] customers)
    {
        using var session = new CliSession().Init();
        var file = session.File("p.csv", ToCsv(customers), bom: customers.Length % 2 == 0);
        var (exit, output, error) = session.Crm("import", "customers", file);
        if (exit != 0) throw new Xunit.Sdk.XunitException(output + error);

        using var crm = session.Open();
        foreach (var expected in customers)
        {
            var actual = crm.Customers.Get(expected.Code);
            var same = actual.Name == expected.Name
                && actual.Tags.SequenceEqual(expected.Tags)
                && actual.Owner == expected.Owner && actual.Grade == expected.Grade
                && actual.ContactPoints.SequenceEqual(expected.ContactPoints)
                && actual.Birthday == expected.Birthday && actual.TimeZone == expected.TimeZone
                && actual.Attributes.Count(a => !(a.Key == "hobbies" && a.Value.AsTextList().Count == 0)) == expected.Attributes.Count(a => !(a.Key == "hobbies" && a.Value.AsTextList().Count == 0))
                && expected.Attributes.All(e => e.Key == "hobbies" && e.Value.AsTextList().Count == 0 || actual.Attributes[e.Key].Equals(e.Value));
            if (!same) throw new Xunit.Sdk.XunitException($"{expected.Code} came back different: {crm.PersonalData.Export(expected.Code)}");
        }
        return crm.Customers.Count() == customers.Length;
    }
}
