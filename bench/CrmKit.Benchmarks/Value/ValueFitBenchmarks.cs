using BenchmarkDotNet.Attributes;
using CrmKit.Value;

namespace CrmKit.Benchmarks.Value;

/// <summary>Time to build summaries and fit both value models on the CDNOW sample and on a base ten times larger.</summary>
[MemoryDiagnoser]
public class ValueFitBenchmarks
{
    private IReadOnlyList<Purchase> cdnowPurchases = [];
    private IReadOnlyList<PurchaseSummary> cdnow = [];
    private IReadOnlyList<PurchaseSummary> synthetic = [];

    [GlobalSetup]
    public void Setup()
    {
        cdnowPurchases = CdnowSample.LoadPurchases();
        cdnow = CdnowSample.Summaries(cdnowPurchases);
        ValueFit fit = ValueModel.FitTo(cdnow, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System).Fit;
        synthetic = CdnowSample.Summaries(CdnowSample.Simulated(fit, 10 * cdnow.Count));
    }

    [Benchmark(Description = "summaries, CDNOW 2,357 customers (6,919 purchases)")]
    public int BuildCdnowSummaries() => CdnowSample.Summaries(cdnowPurchases).Count;

    [Benchmark(Description = "fit BG/NBD + Gamma-Gamma, CDNOW 2,357 customers")]
    public ValueFit FitCdnow() => ValueModel.FitTo(cdnow, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System).Fit;

    [Benchmark(Description = "fit BG/NBD + Gamma-Gamma, simulated 23,570 customers")]
    public ValueFit FitSynthetic() => ValueModel.FitTo(synthetic, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System).Fit;
}
