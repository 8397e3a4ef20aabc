using CrmKit.Value;
using FsCheck.Xunit;

namespace CrmKit.Tests.Value;

[Properties(Arbitrary = [typeof(ValueGenerators)], MaxTest = 200)]
public class ValueProperties
{
    [Property]
    public bool Probability_alive_is_between_zero_and_one(PurchaseCase c)
    {
        double p = new BgNbdModel(c.Parameters).ProbabilityAlive(c.Frequency, c.Recency, c.Age);
        return p >= 0.0 && p <= 1.0;
    }

    [Property]
    public bool Expected_purchases_never_decrease_with_a_longer_period(PurchaseCase c, PeriodPair t)
    {
        var model = new BgNbdModel(c.Parameters);
        double shorter = model.ConditionalExpectedPurchases(t.Shorter, c.Frequency, c.Recency, c.Age);
        double longer = model.ConditionalExpectedPurchases(t.Longer, c.Frequency, c.Recency, c.Age);
        return double.IsFinite(longer) && shorter >= 0 && shorter <= longer * (1 + 1e-9) + 1e-300;
    }

    [Property]
    public bool A_later_last_purchase_never_lowers_probability_alive(PurchaseCase c, PeriodPair shift)
    {
        if (c.Frequency == 0)
        {
            return true;
        }

        var model = new BgNbdModel(c.Parameters);
        double earlier = c.Recency * shift.Shorter / 520;
        double later = c.Recency * shift.Longer / 520;
        return model.ProbabilityAlive(c.Frequency, earlier, c.Age) <= model.ProbabilityAlive(c.Frequency, later, c.Age);
    }

    [Property]
    public bool Lifetime_value_is_never_negative(LifetimeCase c) =>
        new ValueModel(c.Fit).LifetimeValue(c.Customer, c.Options) >= 0m;

    [Property]
    public void Value_tiers_partition_customers_exactly_with_the_requested_shares(TierCase c)
    {
        ValueTier[] tiers = ValueTierAssigner.Assign(c.Codes, c.Measures, c.Shares);
        int n = c.Codes.Length;

        // Every customer is in exactly one tier, and tier sizes are the shares rounded by largest remainder.
        Assert.Equal(n, tiers.Length);
        Assert.All(tiers, t => Assert.NotNull(t));
        int[] sizes = c.Shares.Select((_, i) => tiers.Count(t => t.Rank == i + 1)).ToArray();
        Assert.Equal(n, sizes.Sum());
        Assert.Equal(ValueTierAssigner.Sizes(c.Shares, n), sizes);
        for (int i = 0; i < sizes.Length; i++)
        {
            Assert.True(Math.Abs(sizes[i] - c.Shares[i].Share * n) < 1m, $"tier {i + 1}: {sizes[i]} for share {c.Shares[i].Share} of {n}");
            Assert.All(tiers.Where(t => t.Rank == i + 1), t => Assert.Equal(c.Shares[i].Name, t.Name));
        }

        // Higher tiers never hold a smaller measure than lower ones.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.False(tiers[i].Rank < tiers[j].Rank && c.Measures[i] < c.Measures[j]);
            }
        }

        // Ties are broken by customer code, so the input order does not matter.
        int[] reversed = Enumerable.Range(0, n).Reverse().ToArray();
        ValueTier[] again = ValueTierAssigner.Assign(reversed.Select(i => c.Codes[i]).ToArray(), reversed.Select(i => c.Measures[i]).ToArray(), c.Shares);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(tiers[reversed[k]], again[k]);
        }
    }
}
