using CrmKit.Value;
using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.Tests.Value;

/// <summary>A BG/NBD parameter set and one customer's history under it.</summary>
public sealed record PurchaseCase(BgNbdParameters Parameters, int Frequency, double Recency, double Age)
{
    public override string ToString() =>
        $"r={Parameters.R}, alpha={Parameters.Alpha}, a={Parameters.A}, b={Parameters.B}, x={Frequency}, t_x={Recency}, T={Age}";
}

/// <summary>Two period lengths, in model units, the first no longer than the second.</summary>
public sealed record PeriodPair(double Shorter, double Longer);

/// <summary>A fitted pair of models, one customer and lifetime-value options.</summary>
public sealed record LifetimeCase(ValueFit Fit, PurchaseSummary Customer, LifetimeValueOptions Options);

/// <summary>Customers with (often tied) measures and a tier scheme whose shares add up to 1.</summary>
public sealed record TierCase(string[] Codes, decimal[] Measures, ValueTierShare[] Shares)
{
    public override string ToString() =>
        $"{Codes.Length} customers; measures [{string.Join(",", Measures)}]; shares [{string.Join(",", Shares.Select(s => s.Share))}]";
}

/// <summary>The one place FsCheck draws value-model inputs from.</summary>
public static class ValueGenerators
{
    private static readonly string[] CodeStems = ["C", "c", "Ω-", "顧客", "ç", "Z", "10", "1", "a b"];

    public static Arbitrary<PurchaseCase> PurchaseCases() => Arb.From(PurchaseCaseGen);

    public static Arbitrary<PeriodPair> PeriodPairs() => Arb.From(
        from a in LogUniform(1e-3, 520)
        from b in LogUniform(1e-3, 520)
        select new PeriodPair(Math.Min(a, b), Math.Max(a, b)));

    public static Arbitrary<LifetimeCase> LifetimeCases() => Arb.From(
        from purchase in PurchaseCaseGen
        from p in LogUniform(0.1, 20)
        from q in LogUniform(1.05, 20)
        from gamma in LogUniform(0.1, 1000)
        from spend in Gen.Choose(1, 100_000)
        from periodDays in Gen.Choose(1, 90)
        from periods in Gen.Choose(1, 24)
        from discount in Gen.Choose(0, 200)
        let x = purchase.Frequency
        let fit = new ValueFit(purchase.Parameters, 0, new GammaGammaParameters(p, q, gamma), 0,
            new CalibrationWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), TimeSpan.FromDays(7), DateTimeOffset.UnixEpoch, 1, 1)
        let customer = new PurchaseSummary("c", x, purchase.Recency, purchase.Age, x == 0 ? 0m : spend / 100m, spend / 100m)
        select new LifetimeCase(fit, customer, new LifetimeValueOptions(TimeSpan.FromDays(periodDays), periods, discount / 1000.0)));

    public static Arbitrary<TierCase> TierCases() => Arb.From(
        from n in Gen.Choose(0, 400)
        from stems in Gen.Elements(CodeStems).ArrayOf(n)
        from measures in Gen.Choose(0, 6).ArrayOf(n)
        from weights in Gen.Choose(1, 60).NonEmptyListOf()
        select new TierCase(
            stems.Select((stem, i) => stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            measures.Select(m => m * 12.5m).ToArray(),
            Shares(weights.Take(6).ToArray())));

    private static Gen<PurchaseCase> PurchaseCaseGen =>
        from r in LogUniform(0.05, 5)
        from alpha in LogUniform(0.1, 100)
        from a in LogUniform(0.05, 5)
        from b in LogUniform(0.05, 20)
        from x in Gen.Frequency((3, Gen.Choose(0, 10)), (1, Gen.Choose(0, 400)))
        from age in LogUniform(1e-2, 500)
        from share in Gen.Choose(0, 1000)
        select new PurchaseCase(new BgNbdParameters(r, alpha, a, b), x, x == 0 ? 0.0 : age * share / 1000.0, age);

    // Shares as exact decimals of a total, the last one taking what rounding leaves, so they add up to 1.
    private static ValueTierShare[] Shares(int[] weights)
    {
        int total = weights.Sum();
        var shares = new ValueTierShare[weights.Length];
        decimal used = 0m;
        for (int i = 0; i < weights.Length; i++)
        {
            decimal share = i == weights.Length - 1 ? 1m - used : Math.Round((decimal)weights[i] / total, 4);
            share = Math.Max(share, 0.0001m);
            used += share;
            shares[i] = new ValueTierShare($"tier {i + 1}", share);
        }

        return shares;
    }

    private static Gen<double> LogUniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(k => low * Math.Pow(high / low, k / 1_000_000.0));
}
