namespace CrmKit;

/// <summary>
/// The figures of one arm (an offer or the holdout) over one population. Rates are null when
/// their denominator is zero.
/// </summary>
/// <param name="Arm">The offer's code, or <c>holdout</c>.</param>
/// <param name="Audience">Customers in the arm (and population).</param>
/// <param name="Contacted">Of them, those the campaign tried to contact.</param>
/// <param name="Reached">Of those, the ones whose task was done.</param>
/// <param name="Responders">Customers with a response in the attribution window.</param>
/// <param name="Accepted">Customers who accepted the offer.</param>
/// <param name="Revenue">Revenue in the attribution window, summed over the audience.</param>
public sealed record ArmFigures(string Arm, int Audience, int Contacted, int Reached, int Responders, int Accepted, decimal Revenue)
{
    /// <summary>Contact success: <see cref="Reached"/> / <see cref="Contacted"/>.</summary>
    public double? ContactSuccess => Contacted == 0 ? null : (double)Reached / Contacted;

    /// <summary>Response rate: <see cref="Responders"/> / <see cref="Audience"/>.</summary>
    public double? ResponseRate => Audience == 0 ? null : (double)Responders / Audience;

    /// <summary>Offer acceptance: <see cref="Accepted"/> / <see cref="Reached"/>.</summary>
    public double? OfferAcceptance => Reached == 0 ? null : (double)Accepted / Reached;

    /// <summary>Revenue per customer: <see cref="Revenue"/> / <see cref="Audience"/>.</summary>
    public decimal? RevenuePerCustomer => Audience == 0 ? null : Revenue / Audience;

    internal static ArmFigures Of(string arm, IReadOnlyCollection<CampaignOutcome> outcomes) =>
        new(arm, outcomes.Count, outcomes.Count(o => o.Contacted), outcomes.Count(o => o.TaskDone),
            outcomes.Count(o => o.Responded), outcomes.Count(o => o.Accepted), outcomes.Sum(o => o.Revenue));
}
