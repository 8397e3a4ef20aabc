using System.Globalization;
using CrmKit.Value;

namespace CrmKit.Tests.Value;

/// <summary>
/// Loads the CDNOW sample from ../shared/data/cdnow next to the repository root. The data are
/// required: a missing folder fails the test with a message saying where they were looked for.
/// </summary>
internal static class CdnowData
{
    public static readonly CalibrationWindow Calibration = new(new DateOnly(1997, 1, 1), new DateOnly(1997, 9, 30));
    public static readonly DateOnly HoldoutEnd = new(1998, 6, 30);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static readonly Lazy<IReadOnlyList<Purchase>> SamplePurchases = new(LoadSample);
    private static readonly Lazy<IReadOnlyList<PurchaseSummary>> WeeklySummaries =
        new(() => new PurchaseSummaryBuilder(Calibration, Week).Build(SamplePurchases.Value));

    public static IReadOnlyList<Purchase> Sample => SamplePurchases.Value;

    public static IReadOnlyList<PurchaseSummary> Summaries => WeeklySummaries.Value;

    public static string Folder
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "CrmKit.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            if (dir is null)
            {
                throw new InvalidOperationException($"No folder holding CrmKit.sln above {AppContext.BaseDirectory}; cannot find the CDNOW data.");
            }

            string data = Path.GetFullPath(Path.Combine(dir, "..", "shared", "data", "cdnow"));
            if (!Directory.Exists(data))
            {
                throw new InvalidOperationException($"The CDNOW data folder {data} is missing; the Cdnow tests need it (see docs/value.md).");
            }

            return data;
        }
    }

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>Customer code of a sample id, as the sample file spells it (0001..2357).</summary>
    public static string Code(int sampleId) => sampleId.ToString("D4", CultureInfo.InvariantCulture);

    private static IReadOnlyList<Purchase> LoadSample()
    {
        var purchases = new List<Purchase>();
        foreach (string line in File.ReadLines(PathOf("CDNOW_sample.txt")))
        {
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5)
            {
                continue;
            }

            var date = DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            decimal dollars = decimal.Parse(f[4], CultureInfo.InvariantCulture);
            purchases.Add(new Purchase(f[1], new DateTimeOffset(date, TimeSpan.Zero), dollars));
        }

        return purchases;
    }
}
