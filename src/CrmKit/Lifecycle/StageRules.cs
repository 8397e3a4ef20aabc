namespace CrmKit;

/// <summary>
/// The built-in stage rules. Each names its stages through <see cref="StageNames"/> (the names of
/// <see cref="StageModel.Default"/> unless given), and only proposes: a move the model does not
/// allow is reported, never made.
/// </summary>
public static class StageRules
{
    /// <summary><c>first-purchase</c>: a prospect with a purchase becomes new.</summary>
    public static IStageRule FirstPurchase(StageNames? stages = null) => new FirstPurchaseStageRule(stages ?? StageNames.Default);

    /// <summary>
    /// <c>repeat-purchase</c>: a new customer with two purchases or more, or a won-back customer
    /// with a purchase after being won back, becomes growing.
    /// </summary>
    public static IStageRule RepeatPurchase(StageNames? stages = null) => new RepeatPurchaseStageRule(stages ?? StageNames.Default);

    /// <summary>
    /// <c>declining</c>: a growing or mature customer whose time since the last purchase exceeds
    /// <paramref name="factor"/> times their usual gap (first to last purchase divided by the gaps
    /// between purchases, at least <paramref name="minimumGapDays"/> days) becomes declining.
    /// Customers with fewer than two purchases have no usual gap and are left alone.
    /// </summary>
    /// <exception cref="CrmValidationException">The factor is below 1 or not finite, or the minimum gap is below 1 day.</exception>
    public static IStageRule Declining(double factor = 2.0, int minimumGapDays = 30, StageNames? stages = null)
    {
        var s = stages ?? StageNames.Default;
        return new LapseStageRule("declining", [s.Growing, s.Mature], s.Declining, Factor(factor, "factor"), Gap(minimumGapDays));
    }

    /// <summary>
    /// <c>churned</c>: a declining or won-back customer whose time since the last purchase exceeds
    /// <paramref name="factor"/> times their usual gap becomes churned. Give it a larger factor than
    /// <see cref="Declining"/>, so customers decline before they churn.
    /// </summary>
    /// <exception cref="CrmValidationException">The factor is below 1 or not finite, or the minimum gap is below 1 day.</exception>
    public static IStageRule Churned(double factor = 4.0, int minimumGapDays = 30, StageNames? stages = null)
    {
        var s = stages ?? StageNames.Default;
        return new LapseStageRule("churned", [s.Declining, s.WonBack], s.Churned, Factor(factor, "factor"), Gap(minimumGapDays));
    }

    /// <summary><c>won-back</c>: a churned customer with a purchase after being marked churned is won back.</summary>
    public static IStageRule WonBack(StageNames? stages = null) => new WonBackStageRule(stages ?? StageNames.Default);

    /// <summary>
    /// The five built-in rules in the order they are tried: first purchase, repeat purchase,
    /// won back, declining, churned.
    /// </summary>
    /// <exception cref="CrmValidationException">A factor is invalid, or <paramref name="churnedFactor"/> is not larger than <paramref name="decliningFactor"/>.</exception>
    public static IReadOnlyList<IStageRule> Defaults(StageNames? stages = null, double decliningFactor = 2.0, double churnedFactor = 4.0, int minimumGapDays = 30)
    {
        Factor(decliningFactor, "decliningFactor");
        Factor(churnedFactor, "churnedFactor");
        if (!(churnedFactor > decliningFactor))
            throw new CrmValidationException("churnedFactor", $"{churnedFactor} is not larger than decliningFactor {decliningFactor}; customers would churn before they decline.");
        return
        [
            FirstPurchase(stages),
            RepeatPurchase(stages),
            WonBack(stages),
            Declining(decliningFactor, minimumGapDays, stages),
            Churned(churnedFactor, minimumGapDays, stages),
        ];
    }

    private static double Factor(double factor, string field) =>
        factor >= 1.0 && !double.IsInfinity(factor) ? factor : throw new CrmValidationException(field, $"{factor} is not a finite number of at least 1.");

    private static TimeSpan Gap(int days) =>
        days is >= 1 and <= 36_500 ? TimeSpan.FromDays(days) : throw new CrmValidationException("minimumGapDays", $"{days} is outside 1 to 36500.");
}
