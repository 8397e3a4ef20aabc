namespace CrmKit;

/// <summary>
/// A campaign's evaluation: the figures of each offer and of the holdout, each offer's uplift in
/// both populations, and the A/B comparison when there are two or more offers. Immutable.
/// </summary>
/// <param name="Campaign">The campaign's id.</param>
/// <param name="Offers">Each offer's intent-to-treat figures, in plan order.</param>
/// <param name="Holdout">The holdout's figures.</param>
/// <param name="Uplifts">Each offer against the holdout, intent-to-treat first, then contacted.</param>
/// <param name="AbTest">The two best offers compared; null with fewer than two offers with an audience.</param>
public sealed record CampaignEvaluation(string Campaign, IReadOnlyList<ArmFigures> Offers, ArmFigures Holdout,
    IReadOnlyList<UpliftFigures> Uplifts, AbTestResult? AbTest)
{
    /// <summary>The uplift of <paramref name="offer"/> over <paramref name="population"/>.</summary>
    /// <exception cref="KeyNotFoundException">The campaign has no such offer.</exception>
    public UpliftFigures Uplift(string offer, CampaignPopulation population = CampaignPopulation.IntentToTreat) =>
        Uplifts.FirstOrDefault(u => u.Offer == offer && u.Population == population)
        ?? throw new KeyNotFoundException($"Campaign '{Campaign}' has no offer '{offer}'.");
}
