namespace CrmKit.Value;

/// <summary>
/// Checks a fit against the period after its calibration window: for each calibration frequency
/// group, the mean actual number of purchase days against the model's conditional expectation.
/// </summary>
internal static class HoldoutComparison
{
    /// <summary>One frequency group: its label ("0", "1", …, "7+"), size, and mean actual and expected purchases.</summary>
    public sealed record Row(string Group, int Customers, double MeanActual, double MeanExpected);

    /// <summary>The rows and the mean, over groups with customers, of |mean actual − mean expected|.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, double MeanAbsoluteError, double HoldoutLength);

    /// <param name="model">The fitted model.</param>
    /// <param name="summaries">The calibration summaries the model was fitted on.</param>
    /// <param name="purchases">The purchase log, covering at least the holdout.</param>
    /// <param name="holdoutEnd">The last day of the holdout (inclusive); the holdout starts the day after the calibration end.</param>
    /// <param name="openGroupFrom">The frequency from which groups are merged ("7+").</param>
    public static Result Compare(ValueModel model, IReadOnlyList<PurchaseSummary> summaries, IEnumerable<Purchase> purchases, DateOnly holdoutEnd, int openGroupFrom = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(purchases);
        DateOnly calibrationEnd = model.Fit.Calibration.End;
        if (holdoutEnd <= calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), holdoutEnd, $"The holdout must end after the calibration end {calibrationEnd:yyyy-MM-dd}.");
        }

        var days = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (Purchase p in purchases)
        {
            DateOnly day = p.Day;
            if (day > calibrationEnd && day <= holdoutEnd)
            {
                if (!days.TryGetValue(p.CustomerCode, out var set))
                {
                    days[p.CustomerCode] = set = [];
                }

                set.Add(day);
            }
        }

        var length = TimeSpan.FromDays(holdoutEnd.DayNumber - calibrationEnd.DayNumber);
        var sums = new (int Count, double Actual, double Expected)[openGroupFrom + 1];
        foreach (PurchaseSummary s in summaries)
        {
            int group = Math.Min(s.Frequency, openGroupFrom);
            int actual = days.TryGetValue(s.CustomerCode, out var set) ? set.Count : 0;
            double expected = model.ExpectedPurchases(s, length);
            sums[group] = (sums[group].Count + 1, sums[group].Actual + actual, sums[group].Expected + expected);
        }

        var rows = new List<Row>();
        for (int g = 0; g <= openGroupFrom; g++)
        {
            if (sums[g].Count > 0)
            {
                string label = g == openGroupFrom ? $"{g}+" : g.ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(new Row(label, sums[g].Count, sums[g].Actual / sums[g].Count, sums[g].Expected / sums[g].Count));
            }
        }

        double mae = rows.Count == 0 ? 0.0 : rows.Average(r => Math.Abs(r.MeanActual - r.MeanExpected));
        return new Result(rows, mae, length / model.Fit.Unit);
    }
}
