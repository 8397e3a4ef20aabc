using BenchmarkDotNet.Attributes;
using CrmKit.Storage.LiteDb;
using LiteDB;

namespace CrmKit.Benchmarks.Interactions;

/// <summary>
/// Appending interactions in batches through CrmKit (validation, code resolution, stats upkeep,
/// one transaction per batch) against raw LiteDB <c>InsertBulk</c> of the same interaction
/// documents (keyed by code and id, as the store keys them) into a collection of their own, both
/// on a file. The promise is a ratio:
/// CrmKit keeps at least half the raw throughput.
/// </summary>
[MemoryDiagnoser]
public class AppendBenchmarks
{
    private string _folder = "";
    private CrmDatabase _crm = null!;
    private LiteDatabase _raw = null!;
    private ILiteCollection<BsonDocument> _rawInteractions = null!;
    private Interaction[] _batch = [];
    private long _rawIds;

    /// <summary>Interactions per batch.</summary>
    [Params(100, 1000)]
    public int BatchSize { get; set; }

    /// <summary>How many customers a batch spreads over.</summary>
    [Params(100)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crmkit-bench-append", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(Path.Combine(_folder, "crm.db")));
        for (var i = 0; i < Customers; i++) _crm.Customers.Create(new Customer($"C{i:D5}", $"Customer {i}"));

        _raw = new LiteDatabase(Path.Combine(_folder, "raw.db"));
        _rawInteractions = _raw.GetCollection("interactions");

        var random = new Random(42);
        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));
        _batch = Enumerable.Range(0, BatchSize).Select(i =>
        {
            var purchase = random.Next(3) > 0;
            return new Interaction($"C{random.Next(Customers):D5}", purchase ? "purchase" : "inquiry", "store", start.AddMinutes(i))
            {
                Amount = purchase ? random.Next(100, 100_000) / 100m : null,
                Staff = "sales.li",
                Outcome = "done",
            };
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _crm.Dispose();
        _raw.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "raw LiteDB InsertBulk")]
    public int RawInsertBulk() => _rawInteractions.InsertBulk(_batch.Select(i => InteractionDocument.ToBson(i, i.Customer.Value, ++_rawIds)), BatchSize);

    [Benchmark(Description = "CrmKit RecordBatch (with stats)")]
    public int CrmKitRecordBatch() => _crm.Interactions.RecordBatch(_batch).Count;
}
