namespace CrmKit;

/// <summary>
/// One offer against the holdout over one population: the uplift in response rate and in revenue
/// per customer with 95% intervals, and what it is worth against what it cost.
/// </summary>
/// <param name="Offer">The offer's code.</param>
/// <param name="Population">Which of the offer's customers are compared (the holdout is always whole).</param>
/// <param name="Treated">The offer's figures over the population.</param>
/// <param name="Holdout">The holdout's figures.</param>
/// <param name="ResponseRate">Response rate (offer − holdout), Newcombe's hybrid score interval; null when either side is empty.</param>
/// <param name="RevenuePerCustomer">Revenue per customer (offer − holdout), Welch's t interval; null when either side has fewer than two customers.</param>
/// <param name="Cost">What the offer's contacts cost: every contact tried × cost per contact, in both populations.</param>
public sealed record UpliftFigures(string Offer, CampaignPopulation Population, ArmFigures Treated, ArmFigures Holdout,
    ConfidenceInterval? ResponseRate, ConfidenceInterval? RevenuePerCustomer, decimal Cost)
{
    /// <summary>Responders the offer added: response-rate uplift × the population's size.</summary>
    public double? IncrementalResponders => ResponseRate is { } r ? r.Estimate * Treated.Audience : null;

    /// <summary>Revenue the offer added: (revenue per customer, offer − holdout) × the population's size.</summary>
    public decimal? IncrementalRevenue =>
        Treated.RevenuePerCustomer is { } t && Holdout.RevenuePerCustomer is { } h ? (t - h) * Treated.Audience : null;

    /// <summary>Return on cost: (incremental revenue − cost) / cost; null when nothing was spent.</summary>
    public double? ReturnOnCost => Cost == 0 || IncrementalRevenue is not { } gain ? null : (double)((gain - Cost) / Cost);
}
