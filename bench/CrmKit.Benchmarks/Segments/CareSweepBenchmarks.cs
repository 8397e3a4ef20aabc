using BenchmarkDotNet.Attributes;
using CrmKit.Storage.LiteDb;

namespace CrmKit.Benchmarks.Segments;

/// <summary>
/// A full care sweep over 100,000 customers with five built-in rules (birthday, purchase
/// anniversary, service due, dormant prospect, churn warning) under the default contact policy.
/// Each iteration starts with no tasks, so it measures a sweep that creates every task; a second
/// benchmark measures the re-run that finds every task already there.
/// </summary>
[MemoryDiagnoser]
public class CareSweepBenchmarks
{
    public const int Customers = 100_000;

    private BenchDatabase _db = null!;

    /// <summary>The five built-in rules swept, also by the scale benchmark.</summary>
    internal static readonly ICareRule[] Rules =
    [
        CareRules.Birthday(),
        CareRules.PurchaseAnniversary(),
        CareRules.DueAfter("service-due", InteractionKind.ServiceVisit, TimeSpan.FromDays(180), TimeSpan.FromDays(7)),
        CareRules.DormantProspect(),
        CareRules.ChurnWarning(),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _db = new BenchDatabase(Customers);
        var result = _db.Crm.Care.Sweep(Rules, BenchDatabase.Now);
        Console.WriteLine($"// {result.Evaluated:N0} customers, {result.Proposed:N0} proposals, {result.Created:N0} tasks, {result.Suppressed:N0} suppressed");
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [IterationSetup(Target = nameof(FirstSweep))]
    public void ClearTasks() => ((CrmKit.Storage.LiteDb.LiteStore)_db.Crm.Store).Write(() =>
    {
        ((CrmKit.Storage.LiteDb.LiteStore)_db.Crm.Store).CareTasks.DeleteAll();
        ((CrmKit.Storage.LiteDb.LiteStore)_db.Crm.Store).CareSuppressions.DeleteAll();
        return 0;
    });

    [Benchmark]
    public int FirstSweep() => _db.Crm.Care.Sweep(Rules, BenchDatabase.Now).Created;

    [Benchmark]
    public int RepeatSweep() => _db.Crm.Care.Sweep(Rules, BenchDatabase.Now).AlreadyKnown;
}
