namespace CrmKit.Value;

/// <summary>Places customers in <see cref="ValueQuadrant"/>s.</summary>
internal static class ValueQuadrants
{
    /// <summary>The quadrant of one customer; a value at or above its split counts as high.</summary>
    public static ValueQuadrant Classify(decimal pastValue, decimal futureValue, QuadrantSplit split)
    {
        bool highPast = pastValue >= split.PastValue;
        bool highFuture = futureValue >= split.FutureValue;
        return (highPast, highFuture) switch
        {
            (true, true) => ValueQuadrant.Keep,
            (false, true) => ValueQuadrant.Grow,
            (true, false) => ValueQuadrant.Nurture,
            _ => ValueQuadrant.ServeAtLowerCost,
        };
    }

    /// <summary>The split at the medians of past and future value.</summary>
    public static QuadrantSplit AtMedians(IReadOnlyList<decimal> pastValues, IReadOnlyList<decimal> futureValues) =>
        new(Median(pastValues), Median(futureValues));

    /// <summary>The median; the mean of the two middle values for an even count; 0 when empty.</summary>
    public static decimal Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        decimal[] sorted = [.. values];
        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
