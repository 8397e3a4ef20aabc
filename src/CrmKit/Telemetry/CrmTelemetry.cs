namespace CrmKit;

/// <summary>
/// The traces CrmKit emits, for wiring it into OpenTelemetry or any <see cref="System.Diagnostics.ActivityListener"/>:
/// one activity per segment refresh, care sweep, value fit, import batch and campaign run, on the
/// activity source <see cref="ActivitySourceName"/>, with what the operation counted as tags
/// (<c>crmkit.customers.evaluated</c>, <c>crmkit.care.created</c>, …; the full list is in docs/hosting.md).
/// An operation that throws ends its activity with status Error and the tag <c>error.type</c> (the
/// exception's type). Tag values are counts, fixed words, and names the application chose (segment
/// and campaign names); never a customer code, a name or a message from the data.
/// </summary>
/// <remarks>Nothing is recorded, and almost nothing is spent, while no listener samples the source.</remarks>
public static class CrmTelemetry
{
    /// <summary>The activity source's name: <c>CrmKit</c> (<c>tracing.AddSource("CrmKit")</c>).</summary>
    public const string ActivitySourceName = "CrmKit";

    /// <summary>One segment refreshed (<c>Refresh</c>, <c>RefreshChanged</c>, and each segment of <c>RefreshAll</c>).</summary>
    public const string SegmentRefreshActivity = "crmkit.segment.refresh";

    /// <summary>One care sweep (<c>crm.Care.Sweep</c>).</summary>
    public const string CareSweepActivity = "crmkit.care.sweep";

    /// <summary>One value fit with its scoring (<c>crm.Value.Fit</c>).</summary>
    public const string ValueFitActivity = "crmkit.value.fit";

    /// <summary>One batch written by the bulk path of imports (<c>crm.Customers.CreateMany</c>, <c>crm.Interactions.RecordBatch</c>).</summary>
    public const string ImportActivity = "crmkit.import";

    /// <summary>One campaign run (<c>crm.Campaigns.Run</c>).</summary>
    public const string CampaignRunActivity = "crmkit.campaign.run";
}
