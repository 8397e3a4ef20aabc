namespace CrmKit;

/// <summary>Which customers of an offer are compared with the holdout.</summary>
public enum CampaignPopulation
{
    /// <summary>Everyone assigned to the offer, contacted or not: the unbiased effect of running the campaign.</summary>
    IntentToTreat,

    /// <summary>Only the offer's customers whose task was done: the effect on those reached, which self-selection may inflate.</summary>
    Contacted,
}
