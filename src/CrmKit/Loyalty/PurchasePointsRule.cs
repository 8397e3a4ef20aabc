namespace CrmKit.Loyalty;

/// <summary>
/// Points for the amount of a purchase: amount × rate, rounded down to a whole point, for each
/// purchase on its own. Purchases without an amount, or worth less than a point, earn nothing.
/// Made by <see cref="EarnRules.PerAmount"/>. Immutable and thread-safe.
/// </summary>
public sealed class PurchasePointsRule : IEarnRule
{
    internal PurchasePointsRule(string name, decimal pointsPerUnit)
    {
        Name = name;
        PointsPerUnit = pointsPerUnit;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Points per unit of money spent (0.01 is one point per 100).</summary>
    public decimal PointsPerUnit { get; }

    /// <inheritdoc/>
    public IEnumerable<PointsAward> Award(EarnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        if (!context.IsPurchase || interaction.Amount is not > 0m || interaction.Id <= 0) return [];
        var points = decimal.Floor(interaction.Amount.Value * PointsPerUnit);
        if (points < 1m) return [];
        return [new PointsAward(interaction.Customer, (long)Math.Min(points, LedgerEntry.MaxPoints), PointsSource.Purchase(interaction.Id))];
    }
}
