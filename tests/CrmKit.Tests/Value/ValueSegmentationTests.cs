using CrmKit.Value;

namespace CrmKit.Tests.Value;

public class ValueSegmentationTests
{
    [Fact]
    public void Rfm_quintiles_rank_best_first_and_split_ties_by_customer_code()
    {
        // Ten customers with equal recency and spend: frequency decides F, the code decides R and M.
        var customers = Enumerable.Range(0, 10)
            .Select(i => new PurchaseSummary($"c{i}", i, i == 0 ? 0 : 5, 10, i == 0 ? 0m : 1m, 10m))
            .ToArray();
        RfmScore[] scores = RfmScorer.Score(customers);
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scores.Select(s => s.Frequency));
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], scores.Select(s => s.Monetary));
        Assert.Equal(1, scores[0].Recency); // c0 bought only once, 10 units ago
        Assert.Equal("115", scores[0].ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(0, 1, 1));
    }

    [Fact]
    public void Tier_sizes_use_largest_remainders()
    {
        Assert.Equal([24, 448, 707, 1178], ValueTierAssigner.Sizes(ValueTierShare.Pyramid, 2357));
        // Quotas 0.03, 0.57, 0.9, 1.5: floors give lead 1; the two seats left go to the remainders .9 and .57.
        Assert.Equal([0, 1, 1, 1], ValueTierAssigner.Sizes(ValueTierShare.Pyramid, 3));
        Assert.Equal([0, 0, 0, 0], ValueTierAssigner.Sizes(ValueTierShare.Pyramid, 0));
    }

    [Theory]
    [InlineData(100, 100, ValueQuadrant.Keep)]
    [InlineData(10, 100, ValueQuadrant.Grow)]
    [InlineData(100, 10, ValueQuadrant.Nurture)]
    [InlineData(10, 10, ValueQuadrant.ServeAtLowerCost)]
    [InlineData(50, 50, ValueQuadrant.Keep)]
    public void Quadrants_split_past_against_future_value(int past, int future, ValueQuadrant expected)
    {
        Assert.Equal(expected, ValueQuadrants.Classify(past, future, new QuadrantSplit(50m, 50m)));
    }

    [Fact]
    public void Median_split_takes_the_middle_value()
    {
        Assert.Equal(3m, ValueQuadrants.Median([5m, 1m, 3m]));
        Assert.Equal(2.5m, ValueQuadrants.Median([4m, 1m, 3m, 2m]));
    }
}
