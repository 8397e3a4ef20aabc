using CrmKit.PostgreSql;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// A customer base drawn the same way for every store (seeded, so PostgreSQL and LiteDB hold the
/// same customers and interactions), written through the public bulk paths: customers with
/// <c>CreateMany</c>, two or three interactions each with <c>RecordBatch</c>, so stats are real.
/// </summary>
public static class BenchBase
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Options with a clock fixed at <see cref="Now"/>.</summary>
    public static CrmOptions Options(ISegmentScriptCompiler? scripts = null) => new() { TimeProvider = new FixedClock(Now), SegmentScripts = scripts, CreateIfMissing = true };

    /// <summary>Opens CrmKit on a new database of the benchmark cluster.</summary>
    public static CrmDatabase OnPostgreSql(ISegmentScriptCompiler? scripts = null) =>
        PostgreSqlCrm.Open(Options(scripts), new PostgreSqlStoreOptions { ConnectionString = BenchCluster.NewDatabase() });

    /// <summary>Fills <paramref name="crm"/> with <paramref name="customers"/> customers C-000000 … and their interactions.</summary>
    public static void Fill(CrmDatabase crm, int customers)
    {
        var random = new Random(7);
        string[] tags = ["vip", "newsletter", "car-owner", "family", "key-account", "b2b"];
        string[] zones = ["Europe/Paris", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"];
        var people = new List<Customer>(customers);
        for (var i = 0; i < customers; i++)
        {
            people.Add(new Customer($"C-{i:D6}", $"Customer {i}")
            {
                Tags = tags.Where(_ => random.Next(4) == 0).Order(StringComparer.Ordinal).ToArray(),
                Birthday = new DateOnly(1950 + random.Next(55), 1, 1).AddDays(random.Next(365)),
                TimeZone = zones[random.Next(zones.Length)],
                Owner = $"owner-{random.Next(40)}",
                Grade = "ABCDEFG"[random.Next(7)].ToString(),
                Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(random.Next(5) != 0, Now.AddDays(-500)) },
            });
        }
        foreach (var chunk in people.Chunk(10_000)) crm.Customers.CreateMany(chunk);

        var batch = new List<Interaction>();
        for (var i = 0; i < customers; i++)
        {
            var n = 2 + random.Next(2);
            for (var k = 0; k < n; k++)
            {
                var kind = k == 2 ? InteractionKind.ServiceVisit : InteractionKind.Purchase;
                batch.Add(new Interaction(people[i].Code, kind, Channel.Store, Now.AddDays(-random.Next(700)))
                {
                    Amount = kind == InteractionKind.Purchase ? random.Next(20, 2_000) : null,
                });
            }
            if (batch.Count >= 20_000)
            {
                crm.Interactions.RecordBatch(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0) crm.Interactions.RecordBatch(batch);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
