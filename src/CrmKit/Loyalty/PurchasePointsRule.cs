namespace CrmKit.Loyalty;

/// <summary>
/// Points for the amount of a purchase: amount × rate, rounded down to a whole point, for each
/// purchase on its own. Purchases without an amount, or worth less than a point, earn nothing.
/// </summary>
internal sealed class PurchasePointsRule(string name, decimal pointsPerUnit) : IEarnRule
{
    public string Name => name;

    public IEnumerable<PointsAward> Award(EarnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        if (!context.IsPurchase || interaction.Amount is not > 0m || interaction.Id <= 0) return [];
        var points = decimal.Floor(interaction.Amount.Value * pointsPerUnit);
        if (points < 1m) return [];
        return [new PointsAward(interaction.Customer, (long)Math.Min(points, LedgerEntry.MaxPoints), PointsSource.Purchase(interaction.Id))];
    }
}
