using System.Diagnostics;
using CrmKit.Scripting;
using CrmKit.Storage.LiteDb;
using CrmKit.Value;
using LiteDB;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// The steps of the scale benchmark on the embedded store, each run in a process of its own: CrmKit
/// through its public API, and the raw LiteDB baselines on the same documents (written to a second
/// file with the same indexes, or read from CrmKit's own file).
/// </summary>
internal static class LiteSteps
{
    internal const string Script = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m";

    /// <summary>The five built-in rules of the care sweep benchmark.</summary>
    internal static ICareRule[] Rules => Segments.CareSweepBenchmarks.Rules;

    internal static int Run(string step, string folder, int customers) => step switch
    {
        "raw-create" => StepResult.Measure(step, extra => RawCreate(folder, customers, extra)),
        "create" => StepResult.Measure(step, extra => Create(folder, customers, extra)),
        "raw-append" => StepResult.Measure(step, extra => RawAppend(folder, customers, extra)),
        "append" => StepResult.Measure(step, extra => Append(folder, customers, extra)),
        "raw-read" => StepResult.Measure(step, _ => RawRead(folder)),
        "refresh" => Refresh(folder, step),
        "sweep" => StepResult.Measure(step, _ => Sweep(folder)),
        "sweep-repeat" => StepResult.Measure(step, _ => Sweep(folder)),
        "fit" => StepResult.Measure(step, _ => Fit(folder)),
        "new-import-db" => NewImportDatabase(folder),
        _ => throw new ArgumentException($"unknown step '{step}'"),
    };

    internal static string CrmFile(string folder) => Path.Combine(folder, "crm.db");

    internal static string RawFile(string folder) => Path.Combine(folder, "raw.db");

    internal static CrmOptions Options(string path, ISegmentScriptCompiler? scripts = null) => CrmOptions.ForNewOrExistingFile(path) with
    {
        TimeProvider = new FixedClock(ScaleData.Now),
        Attributes = ScaleData.Schema,
        SegmentScripts = scripts,
    };

    private static long Create(string folder, int customers, Dictionary<string, double> extra)
    {
        using var crm = CrmDatabase.Open(Options(CrmFile(folder)));
        var calls = new List<(int, double)>();
        for (var from = 0; from < customers; from += ScaleData.CreateBatch)
        {
            var batch = Enumerable.Range(from, Math.Min(ScaleData.CreateBatch, customers - from)).Select(ScaleData.Customer).ToArray();
            var watch = Stopwatch.StartNew();
            crm.Customers.CreateMany(batch, actor: "bench");
            calls.Add((batch.Length, watch.Elapsed.TotalSeconds));
        }
        StepResult.Trend(extra, calls);
        return customers;
    }

    private static long Append(string folder, int customers, Dictionary<string, double> extra)
    {
        using var crm = CrmDatabase.Open(Options(CrmFile(folder)));
        var calls = new List<(int, double)>();
        var batch = new List<Interaction>(ScaleData.AppendBatch);
        long count = 0;
        void Flush()
        {
            var watch = Stopwatch.StartNew();
            crm.Interactions.RecordBatch(batch);
            calls.Add((batch.Count, watch.Elapsed.TotalSeconds));
            count += batch.Count;
            batch.Clear();
        }
        foreach (var interaction in ScaleData.Interactions(customers))
        {
            batch.Add(interaction);
            if (batch.Count == ScaleData.AppendBatch) Flush();
        }
        if (batch.Count > 0) Flush();
        StepResult.Trend(extra, calls);
        return count;
    }

    /// <summary>The raw baseline of create: the customer documents CrmKit stores, by InsertBulk in calls of the same size, into a collection with the same indexes.</summary>
    private static long RawCreate(string folder, int customers, Dictionary<string, double> extra) =>
        RawInsert(folder, Collections.Customers, BsonAutoId.ObjectId, RawDocuments.EnsureCustomerIndexes, extra,
            Enumerable.Range(0, customers).Chunk(ScaleData.CreateBatch).Select(chunk => chunk.Select(i => RawDocuments.Customer(ScaleData.Customer(i))).ToArray()));

    /// <summary>The raw baseline of appends: the interaction documents CrmKit stores, by InsertBulk in batches of the same size, into a collection with the same indexes.</summary>
    private static long RawAppend(string folder, int customers, Dictionary<string, double> extra)
    {
        long next = 1;
        return RawInsert(folder, Collections.Interactions, BsonAutoId.Int64, RawDocuments.EnsureInteractionIndexes, extra,
            ScaleData.Interactions(customers).Chunk(ScaleData.AppendBatch).Select(chunk => chunk.Select(x => RawDocuments.Interaction(x, next++)).ToArray()));
    }

    /// <summary>Inserts each batch by one InsertBulk into the raw file's collection, timing each call.</summary>
    private static long RawInsert(string folder, string name, BsonAutoId autoId, Action<ILiteCollection<BsonDocument>> indexes,
        Dictionary<string, double> extra, IEnumerable<BsonDocument[]> batches)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = RawFile(folder), Connection = ConnectionType.Direct });
        db.UtcDate = true;
        var collection = db.GetCollection(name, autoId);
        indexes(collection);
        var calls = new List<(int, double)>();
        long count = 0;
        foreach (var docs in batches)
        {
            var watch = Stopwatch.StartNew();
            collection.InsertBulk(docs, docs.Length);
            calls.Add((docs.Length, watch.Elapsed.TotalSeconds));
            count += docs.Length;
        }
        StepResult.Trend(extra, calls);
        return count;
    }

    /// <summary>The raw read: every customer document of CrmKit's file by FindAll, with the refresh's test hand-written over the BSON.</summary>
    private static long RawRead(string folder)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = CrmFile(folder), Connection = ConnectionType.Direct, ReadOnly = true });
        db.UtcDate = true;
        long matches = 0;
        foreach (var doc in db.GetCollection(Collections.Customers).FindAll())
        {
            if (RawDocuments.IsVipSpender(doc)) matches++;
        }
        return matches;
    }

    /// <summary>A scripted segment (in process) refreshed twice; the second, steady-state run is the one measured.</summary>
    private static int Refresh(string folder, string step)
    {
        using var engine = new ScriptEngine(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });
        using var crm = CrmDatabase.Open(Options(CrmFile(folder), new ScriptedSegments(engine)));
        if (crm.Segments.Find("vip-spenders") is null) crm.Segments.Define(new SegmentDefinition("vip-spenders", "VIPs who spent over 1,000", Script));
        var first = Stopwatch.StartNew();
        crm.Segments.Refresh("vip-spenders");
        var firstSeconds = first.Elapsed.TotalSeconds;
        return StepResult.Measure(step, extra =>
        {
            extra["first-run-seconds"] = firstSeconds;
            return crm.Segments.Refresh("vip-spenders").Members;
        });
    }

    /// <summary>An empty database with the benchmark's schema for the customer import.</summary>
    private static int NewImportDatabase(string folder)
    {
        using (CrmDatabase.Open(Options(Path.Combine(folder, "import.db")))) return 0;
    }

    private static long Sweep(string folder)
    {
        using var crm = CrmDatabase.Open(Options(CrmFile(folder)));
        var result = crm.Care.Sweep(Rules, ScaleData.Now);
        return result.Created;
    }

    private static long Fit(string folder)
    {
        using var crm = CrmDatabase.Open(Options(CrmFile(folder)));
        crm.Value.Fit(DateOnly.FromDateTime(ScaleData.Now.UtcDateTime));
        return crm.Value.LatestFit()!.Customers;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
