namespace CrmKit.Value;

/// <summary>Splits customers into value tiers by a measure, exactly and deterministically.</summary>
/// <remarks>
/// Tier sizes come from largest-remainder rounding of share × n (remainders tied go to the higher
/// tier), so they always add up to n. Customers are ordered by the measure, largest first, equal
/// measures by customer code (ordinal), and the tiers are filled in that order.
/// </remarks>
internal static class ValueTierAssigner
{
    /// <summary>Checks a tier scheme: at least one tier, distinct names, shares adding up to exactly 1.</summary>
    public static void CheckShares(IReadOnlyList<ValueTierShare> shares, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(shares, parameterName);
        if (shares.Count == 0 || shares.Any(s => s is null))
        {
            throw new ArgumentException("A value-tier scheme needs at least one tier and no null tier.", parameterName);
        }

        decimal total = shares.Sum(s => s.Share);
        if (total != 1m)
        {
            throw new ArgumentException($"Value-tier shares must add up to 1, but add up to {total}.", parameterName);
        }

        if (shares.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != shares.Count)
        {
            throw new ArgumentException("Value-tier names must be distinct.", parameterName);
        }
    }

    /// <summary>Tier sizes for <paramref name="n"/> customers, in tier order.</summary>
    public static int[] Sizes(IReadOnlyList<ValueTierShare> shares, int n)
    {
        var sizes = new int[shares.Count];
        var remainders = new decimal[shares.Count];
        int assigned = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            decimal quota = shares[i].Share * n;
            sizes[i] = (int)decimal.Floor(quota);
            remainders[i] = quota - sizes[i];
            assigned += sizes[i];
        }

        // Stable sort: equal remainders keep tier order, so the higher tier gets the seat.
        int[] byRemainder = Enumerable.Range(0, sizes.Length).OrderByDescending(i => remainders[i]).ToArray();
        for (int k = 0; k < n - assigned; k++)
        {
            sizes[byRemainder[k]]++;
        }

        return sizes;
    }

    /// <summary>The tier of each customer, aligned with <paramref name="codes"/>.</summary>
    public static ValueTier[] Assign(IReadOnlyList<string> codes, IReadOnlyList<decimal> measures, IReadOnlyList<ValueTierShare> shares) =>
        Assign(CodeOrder.Ranks(codes, out _), measures, shares);

    /// <summary>As <see cref="Assign(IReadOnlyList{string}, IReadOnlyList{decimal}, IReadOnlyList{ValueTierShare})"/>, with ties broken by each customer's position in the ordinal order of codes.</summary>
    public static ValueTier[] Assign(int[] codeRanks, IReadOnlyList<decimal> measures, IReadOnlyList<ValueTierShare> shares)
    {
        CheckShares(shares, nameof(shares));
        int n = codeRanks.Length;
        int[] order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (i, j) =>
        {
            int byMeasure = measures[j].CompareTo(measures[i]);
            return byMeasure != 0 ? byMeasure : codeRanks[i].CompareTo(codeRanks[j]);
        });

        int[] sizes = Sizes(shares, n);
        var tiers = new ValueTier[n];
        int position = 0;
        for (int t = 0; t < sizes.Length; t++)
        {
            var tier = new ValueTier(t + 1, shares[t].Name);
            for (int k = 0; k < sizes[t]; k++)
            {
                tiers[order[position++]] = tier;
            }
        }

        return tiers;
    }
}
