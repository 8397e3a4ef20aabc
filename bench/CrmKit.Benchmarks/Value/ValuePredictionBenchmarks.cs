using BenchmarkDotNet.Attributes;
using CrmKit.Value;

namespace CrmKit.Benchmarks.Value;

/// <summary>Per-customer prediction cost with the CDNOW fit, averaged over all 2,357 sample customers.</summary>
[MemoryDiagnoser]
public class ValuePredictionBenchmarks
{
    private const int Customers = 2357;
    private static readonly TimeSpan Holdout = TimeSpan.FromDays(273);
    private IReadOnlyList<PurchaseSummary> cdnow = [];
    private ValueModel model = null!;

    [GlobalSetup]
    public void Setup()
    {
        cdnow = CdnowSample.Summaries(CdnowSample.LoadPurchases());
        if (cdnow.Count != Customers)
        {
            throw new InvalidOperationException($"Expected {Customers} CDNOW customers, found {cdnow.Count}.");
        }

        model = ValueModel.FitTo(cdnow, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System);
    }

    [Benchmark(Description = "P(alive), per customer", OperationsPerInvoke = Customers)]
    public double ProbabilityAlive()
    {
        double sum = 0;
        foreach (PurchaseSummary s in cdnow)
        {
            sum += model.ProbabilityAlive(s);
        }

        return sum;
    }

    [Benchmark(Description = "expected purchases in 39 weeks, per customer", OperationsPerInvoke = Customers)]
    public double ExpectedPurchases()
    {
        double sum = 0;
        foreach (PurchaseSummary s in cdnow)
        {
            sum += model.ExpectedPurchases(s, Holdout);
        }

        return sum;
    }

    [Benchmark(Description = "lifetime value, 12 monthly periods, per customer", OperationsPerInvoke = Customers)]
    public decimal LifetimeValue()
    {
        decimal sum = 0;
        foreach (PurchaseSummary s in cdnow)
        {
            sum += model.LifetimeValue(s, LifetimeValueOptions.Default);
        }

        return sum;
    }

    [Benchmark(Description = "full score (all fields, RFM, tier, quadrant), per customer", OperationsPerInvoke = Customers)]
    public int Score() => model.Score(cdnow).Count;
}
