using System.Globalization;
using CrmKit.TestSupport;
using CrmKit.Value;

namespace CrmKit.Benchmarks.Value;

/// <summary>The CDNOW sample and a ten-times-larger base simulated from its fit.</summary>
internal static class CdnowSample
{
    public static readonly CalibrationWindow Calibration = new(new DateOnly(1997, 1, 1), new DateOnly(1997, 9, 30));
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static IReadOnlyList<Purchase> LoadPurchases()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "CrmKit.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        string file = Path.GetFullPath(Path.Combine(dir ?? ".", "..", "shared", "data", "cdnow", "CDNOW_sample.txt"));
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("The CDNOW sample is needed for the value benchmarks.", file);
        }

        var purchases = new List<Purchase>();
        foreach (string line in File.ReadLines(file))
        {
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 5)
            {
                var date = DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
                purchases.Add(new Purchase(f[1], new DateTimeOffset(date, TimeSpan.Zero), decimal.Parse(f[4], CultureInfo.InvariantCulture)));
            }
        }

        return purchases;
    }

    public static IReadOnlyList<PurchaseSummary> Summaries(IReadOnlyList<Purchase> purchases) =>
        new PurchaseSummaryBuilder(Calibration, Week).Build(purchases);

    /// <summary>A base of <paramref name="customers"/> simulated from the CDNOW fit, first purchases over 12 weeks as in CDNOW.</summary>
    public static IReadOnlyList<Purchase> Simulated(ValueFit fit, int customers) =>
        CustomerBaseSimulator.Simulate(fit.Purchases, fit.Spend, customers, Calibration.Start, Calibration.End, Week, 84, seed: 1997);
}
