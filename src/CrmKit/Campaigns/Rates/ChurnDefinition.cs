using System.Globalization;

namespace CrmKit;

/// <summary>
/// What counts as churn: entering a named lifecycle stage (<see cref="EnteringStage"/>), or going
/// without a purchase for longer than a multiple of the customer's usual gap between purchases
/// (<see cref="PurchaseGap"/>). Immutable.
/// </summary>
public sealed record ChurnDefinition
{
    private ChurnDefinition(StageId? stage, double multiple, int minimumPurchases)
    {
        Stage = stage;
        Multiple = multiple;
        MinimumPurchases = minimumPurchases;
    }

    /// <summary>The churned stage, for the stage definition; null for the gap definition.</summary>
    public StageId? Stage { get; }

    /// <summary>How many usual gaps without a purchase make a customer churned, for the gap definition.</summary>
    public double Multiple { get; }

    /// <summary>The purchases before the period a customer needs to have a usual gap (at least 2), for the gap definition.</summary>
    public int MinimumPurchases { get; }

    /// <summary>A customer churns when they enter <paramref name="stage"/> (for example <c>churned</c>).</summary>
    /// <exception cref="CrmValidationException">The stage is empty.</exception>
    public static ChurnDefinition EnteringStage(StageId stage) =>
        stage == default ? throw new CrmValidationException("churn.stage", "is required but was empty.") : new(stage, 0, 0);

    /// <summary>
    /// A customer churns when <paramref name="multiple"/> times their usual gap passes without a
    /// purchase. The usual gap is the mean gap between the customer's purchases before the period:
    /// (last − first) / (count − 1), over at least <paramref name="minimumPurchases"/> purchases.
    /// </summary>
    /// <exception cref="CrmValidationException">The multiple is not positive, or fewer than 2 purchases are asked for.</exception>
    public static ChurnDefinition PurchaseGap(double multiple, int minimumPurchases = 2)
    {
        if (!(multiple > 0) || double.IsInfinity(multiple))
            throw new CrmValidationException("churn.multiple", $"{multiple.ToString(CultureInfo.InvariantCulture)} is not a positive number.");
        if (minimumPurchases < 2) throw new CrmValidationException("churn.minimumPurchases", $"{minimumPurchases} is less than 2; a gap needs two purchases.");
        return new(null, multiple, minimumPurchases);
    }

    /// <summary>The definition in words, for reports.</summary>
    public string Describe() => Stage is { } stage
        ? $"entered stage '{stage}' during the period / customers not in '{stage}' at its start"
        : string.Create(CultureInfo.InvariantCulture, $"went {Multiple}× their usual purchase gap without buying during the period / customers with ≥ {MinimumPurchases} purchases before it and not yet lapsed at its start");
}
