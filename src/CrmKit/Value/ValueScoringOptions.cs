namespace CrmKit.Value;

/// <summary>The measure customers are ranked by when they are split into value tiers.</summary>
public enum TierMeasure
{
    /// <summary>Predicted lifetime value.</summary>
    LifetimeValue,

    /// <summary>Spend in the calibration window.</summary>
    PastValue,
}

/// <summary>Options for <see cref="ValueModel.Score"/>.</summary>
/// <remarks>Immutable; the defaults are a 90-day next period, <see cref="LifetimeValueOptions.Default"/>,
/// the customer pyramid ranked by lifetime value, and quadrants split at the medians.</remarks>
public sealed record ValueScoringOptions
{
    /// <summary>The period of <see cref="CustomerValue.ExpectedPurchasesNextPeriod"/>; zero or longer. Default 90 days.</summary>
    public TimeSpan NextPeriod
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(NextPeriod), value, "The next period must be zero or longer.");
    } = TimeSpan.FromDays(90);

    /// <summary>How lifetime value is computed.</summary>
    public LifetimeValueOptions LifetimeValue
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(LifetimeValue));
    } = LifetimeValueOptions.Default;

    /// <summary>The tiers, most valuable first, with shares adding up to exactly 1. Default <see cref="ValueTierShare.Pyramid"/>.</summary>
    public IReadOnlyList<ValueTierShare> Tiers
    {
        get;
        init
        {
            ValueTierAssigner.CheckShares(value, nameof(Tiers));
            field = value.ToArray();
        }
    } = ValueTierShare.Pyramid;

    /// <summary>The measure tiers rank by. Default <see cref="TierMeasure.LifetimeValue"/>.</summary>
    public TierMeasure TierMeasure { get; init; } = TierMeasure.LifetimeValue;

    /// <summary>Where quadrants split; null (the default) splits at the medians of the customers scored.</summary>
    public QuadrantSplit? QuadrantSplit { get; init; }
}
