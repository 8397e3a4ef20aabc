namespace CrmKit;

/// <summary>
/// Evaluates a campaign from its per-customer outcomes, as a pure computation. Response-rate
/// uplift uses Newcombe's hybrid score interval; revenue-per-customer uplift uses Welch's t
/// interval; both at 95%. See docs/campaigns.md for the formulas.
/// </summary>
internal static class CampaignEvaluator
{
    /// <summary>Evaluates <paramref name="campaign"/> over <paramref name="outcomes"/> (one per assigned customer).</summary>
    /// <exception cref="CrmValidationException">An outcome names an offer the campaign does not have, or a customer appears twice.</exception>
    internal static CampaignEvaluation Evaluate(Campaign campaign, IEnumerable<CampaignOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(outcomes);
        var plan = campaign.Plan;
        var byArm = plan.Offers.ToDictionary(o => o.Code, _ => new List<CampaignOutcome>(), StringComparer.Ordinal);
        var holdout = new List<CampaignOutcome>();
        var seen = new HashSet<CustomerCode>();
        foreach (var outcome in outcomes)
        {
            ArgumentNullException.ThrowIfNull(outcome);
            if (!seen.Add(outcome.Customer))
                throw new CrmValidationException("outcomes", $"customer '{outcome.Customer}' appears more than once.");
            if (outcome.Offer is null) holdout.Add(outcome);
            else if (byArm.TryGetValue(outcome.Offer, out var list)) list.Add(outcome);
            else throw new CrmValidationException("outcomes", $"customer '{outcome.Customer}' has offer '{outcome.Offer}', which campaign '{campaign.Id}' does not have.");
        }

        var holdoutFigures = ArmFigures.Of(CampaignOffer.HoldoutCode, holdout);
        var holdoutRevenue = Revenues(holdout);
        var offers = plan.Offers.Select(o => ArmFigures.Of(o.Code, byArm[o.Code])).ToArray();
        var uplifts = new List<UpliftFigures>();
        foreach (var population in new[] { CampaignPopulation.IntentToTreat, CampaignPopulation.Contacted })
        {
            foreach (var offer in plan.Offers)
            {
                var all = byArm[offer.Code];
                var treated = population == CampaignPopulation.IntentToTreat ? all : all.Where(o => o.TaskDone).ToList();
                var figures = ArmFigures.Of(offer.Code, treated);
                var rate = figures.Audience > 0 && holdoutFigures.Audience > 0
                    ? Proportions.NewcombeDifference(figures.Responders, figures.Audience, holdoutFigures.Responders, holdoutFigures.Audience)
                    : (ConfidenceInterval?)null;
                var revenue = Welch.Difference(Revenues(treated), holdoutRevenue);
                uplifts.Add(new(offer.Code, population, figures, holdoutFigures, rate, revenue, plan.CostOf(all.Count(o => o.Contacted))));
            }
        }
        return new(campaign.Id, offers, holdoutFigures, uplifts, AbTest(offers));
    }

    private static AbTestResult? AbTest(ArmFigures[] offers)
    {
        var ranked = offers.Where(o => o.Audience > 0).OrderByDescending(o => o.ResponseRate).ThenBy(o => o.Arm, StringComparer.Ordinal).ToArray();
        if (ranked.Length < 2) return null;
        var (best, next) = (ranked[0], ranked[1]);
        return new(best.Arm, next.Arm, Proportions.NewcombeDifference(best.Responders, best.Audience, next.Responders, next.Audience));
    }

    private static double[] Revenues(IEnumerable<CampaignOutcome> outcomes) => outcomes.Select(o => (double)o.Revenue).ToArray();
}
