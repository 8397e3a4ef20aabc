namespace CrmKit.Loyalty;

/// <summary>
/// Points an earn rule awards: to whom, how many, and for what. The source makes the award
/// unique: a ledger credits each rule and source once, so re-running a rule over the same
/// interaction awards nothing twice. Immutable.
/// </summary>
public sealed record PointsAward
{
    /// <summary>Creates an award, checking it.</summary>
    /// <param name="beneficiary">The customer credited (the buyer, or for a referral the referrer).</param>
    /// <param name="points">Whole points, at least 1.</param>
    /// <param name="source">What the points are for: a purchase, a referral or an occasion.</param>
    /// <exception cref="CrmValidationException">The customer is empty, the points are out of range, or the source is not one a rule can award for.</exception>
    public PointsAward(CustomerCode beneficiary, long points, PointsSource source)
    {
        if (beneficiary == default) throw new CrmValidationException("beneficiary", "is required but was empty.");
        if (points is < 1 or > LedgerEntry.MaxPoints) throw new CrmValidationException("points", $"{points} is not between 1 and {LedgerEntry.MaxPoints}.");
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind is not (PointsSourceKind.Purchase or PointsSourceKind.Referral or PointsSourceKind.Occasion))
            throw new CrmValidationException("source", $"'{source}' is not a purchase, referral or occasion.");
        Beneficiary = beneficiary;
        Points = points;
        Source = source;
    }

    /// <summary>The customer credited.</summary>
    public CustomerCode Beneficiary { get; }

    /// <summary>Whole points, at least 1.</summary>
    public long Points { get; }

    /// <summary>What the points are for.</summary>
    public PointsSource Source { get; }
}
