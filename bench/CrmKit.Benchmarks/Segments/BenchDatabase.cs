using CrmKit.Storage.LiteDb;

namespace CrmKit.Benchmarks.Segments;

/// <summary>
/// A 100,000-customer database on a temporary file, built once per benchmark class: customers are
/// bulk-inserted in one transaction (the public Create path would cost one commit each), then two
/// to three interactions per customer go through the public batch API so stats are real.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-bench", Guid.NewGuid().ToString("N"));

    public BenchDatabase(int customers, ISegmentScriptCompiler? scripts = null)
    {
        Directory.CreateDirectory(_folder);
        Count = customers;
        Crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(Path.Combine(_folder, "crm.db")) with
        {
            TimeProvider = new FixedClock(Now),
            SegmentScripts = scripts,
        });
        var random = new Random(7);
        string[] tags = ["vip", "newsletter", "car-owner", "family", "key-account", "b2b"];
        string[] zones = ["Europe/Paris", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"];
        string[] stages = ["prospect", "new", "growing", "mature"];
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
                Stage = stages[random.Next(stages.Length)],
                StageSince = Now.AddDays(-800),
                CreatedAt = Now.AddDays(-800),
                UpdatedAt = Now.AddDays(-800),
                Version = 1,
            });
        }
        ((CrmKit.Storage.LiteDb.LiteStore)Crm.Store).Write(() => ((CrmKit.Storage.LiteDb.LiteStore)Crm.Store).Customers.InsertBulk(people.Select(CustomerDocument.ToBson)));

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
                Crm.Interactions.RecordBatch(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0) Crm.Interactions.RecordBatch(batch);
        Crm.Checkpoint();
    }

    public CrmDatabase Crm { get; }

    public int Count { get; }

    public void Dispose()
    {
        Crm.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
