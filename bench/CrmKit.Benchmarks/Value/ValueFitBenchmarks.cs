using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CrmKit.Benchmarks.Value.Baseline;
using CrmKit.Value;

namespace CrmKit.Benchmarks.Value;

/// <summary>
/// Time to build summaries and fit both value models on the CDNOW sample and on a base ten times larger,
/// each fit against the Nelder–Mead fit it replaced (the baseline of its category).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
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
    [BenchmarkCategory("summaries")]
    public int BuildCdnowSummaries() => CdnowSample.Summaries(cdnowPurchases).Count;

    [Benchmark(Baseline = true, Description = "Nelder-Mead fit (before), CDNOW 2,357 customers")]
    [BenchmarkCategory("CDNOW")]
    public double FitCdnowNelderMead() => NelderMeadValueFit.FitPurchases(cdnow).LogLikelihood + NelderMeadValueFit.FitSpend(cdnow).LogLikelihood;

    [Benchmark(Description = "fit BG/NBD + Gamma-Gamma, CDNOW 2,357 customers")]
    [BenchmarkCategory("CDNOW")]
    public ValueFit FitCdnow() => ValueModel.FitTo(cdnow, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System).Fit;

    [Benchmark(Baseline = true, Description = "Nelder-Mead fit (before), simulated 23,570 customers")]
    [BenchmarkCategory("simulated")]
    public double FitSyntheticNelderMead() => NelderMeadValueFit.FitPurchases(synthetic).LogLikelihood + NelderMeadValueFit.FitSpend(synthetic).LogLikelihood;

    [Benchmark(Description = "fit BG/NBD + Gamma-Gamma, simulated 23,570 customers")]
    [BenchmarkCategory("simulated")]
    public ValueFit FitSynthetic() => ValueModel.FitTo(synthetic, CdnowSample.Calibration, CdnowSample.Week, TimeProvider.System).Fit;
}
