namespace CrmKit;

/// <summary>
/// Where a campaign is in its life: draft → submitted → approved → running → completed, or
/// cancelled from any step before completion. A submitted campaign may be sent back to draft.
/// </summary>
public enum CampaignStatus
{
    /// <summary>Being planned; the plan may still change.</summary>
    Draft,

    /// <summary>Submitted for approval.</summary>
    Submitted,

    /// <summary>Approved; ready to run.</summary>
    Approved,

    /// <summary>Running: customers are assigned and treated ones contacted.</summary>
    Running,

    /// <summary>Finished; ready to be evaluated.</summary>
    Completed,

    /// <summary>Stopped before completion.</summary>
    Cancelled,
}
