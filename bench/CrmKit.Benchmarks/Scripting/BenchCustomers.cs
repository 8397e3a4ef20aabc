using CrmKit.Scripting;

namespace CrmKit.Benchmarks.Scripting;

/// <summary>A fixed, varied population of customer views shared by the scripting benchmarks.</summary>
public static class BenchCustomers
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The segment predicate every contender evaluates, as script source.</summary>
    public const string Predicate =
        "Customer.HasTag(\"vip\") && Customer.Integer(\"age\") >= 30 && Customer.MonetaryTotal > 1000m && Customer.CanContact(\"email\")";

    /// <summary>A predicate with a LINQ lambda, as script source.</summary>
    public const string LinqPredicate =
        "Customer.Tags.Any(t => t.StartsWith(\"vi\")) && Customer.Stats.PurchaseCount >= 2";

    public static CustomerView[] Create(int count)
    {
        var random = new Random(42);
        string[] pool = ["vip", "newsletter", "car-owner", "dormant", "b2b", "family", "student"];
        var views = new CustomerView[count];
        for (var i = 0; i < count; i++)
        {
            var customer = new Customer($"C-{i:D6}", $"Customer {i}")
            {
                Attributes = new Dictionary<string, AttributeValue>
                {
                    ["age"] = AttributeValue.Integer(18 + random.Next(60)),
                    ["occupation"] = AttributeValue.Text(random.Next(2) == 0 ? "engineer" : "teacher"),
                },
                Tags = pool.Where(_ => random.Next(3) == 0).Order(StringComparer.Ordinal).ToArray(),
                Consents = new Dictionary<Channel, Consent>
                {
                    [Channel.Email] = new(random.Next(4) != 0, Now.AddDays(-100)),
                    [Channel.Sms] = new(random.Next(2) == 0, Now.AddDays(-100)),
                },
            };
            var purchases = random.Next(6);
            var stats = new CustomerStats
            {
                InteractionCount = purchases + random.Next(5),
                PurchaseCount = purchases,
                MonetaryTotal = purchases * (decimal)random.Next(50, 900),
                LastPurchaseAt = purchases == 0 ? null : Now.AddDays(-random.Next(400)),
            };
            views[i] = new CustomerView(customer, stats);
        }
        return views;
    }
}
