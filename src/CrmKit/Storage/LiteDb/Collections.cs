namespace CrmKit.Storage.LiteDb;

/// <summary>Names of the collections in a CrmKit database file.</summary>
internal static class Collections
{
    internal const string Customers = "customers";
    /// <summary>Interactions keyed by customer code and id (see <see cref="InteractionDocument"/>).</summary>
    internal const string Interactions = "interaction_log";

    /// <summary>Where files of the first format kept interactions, keyed by id alone; moved to <see cref="Interactions"/> when opened.</summary>
    internal const string LegacyInteractions = "interactions";

    /// <summary>Where files written by earlier versions kept stats; now moved into the customer documents.</summary>
    internal const string LegacyStats = "stats";
    internal const string StageChanges = "stage_changes";
    internal const string Aliases = "aliases";
    internal const string Merges = "merges";
    internal const string Erasures = "erasures";
    internal const string Meta = "meta";
    internal const string Changes = "changes";
    internal const string Segments = "segments";
    internal const string SegmentMembers = "segment_members";
    internal const string SegmentEvents = "segment_events";
    internal const string CareTasks = "care_tasks";
    internal const string CareSuppressions = "care_suppressions";
    internal const string Cases = "cases";

    internal static readonly string[] All =
    [
        Customers, Interactions, StageChanges, Aliases, Merges, Erasures, Meta, Changes,
        Segments, SegmentMembers, SegmentEvents, CareTasks, CareSuppressions, Cases,
        GradeChanges, Claims, ValueFits, CustomerValues,
        Campaigns, CampaignSteps, CampaignTemplates, CampaignAssignments,
        ContactAttempts, OwnerChanges,
        LedgerEntries, Referrals,
    ];
    internal const string GradeChanges = "grade_changes";
    internal const string Claims = "claims";
    internal const string ValueFits = "value_fits";
    internal const string CustomerValues = "customer_values";
    internal const string JobRuns = "job_runs";
    internal const string Campaigns = "campaigns";
    internal const string CampaignSteps = "campaign_steps";
    internal const string CampaignTemplates = "campaign_templates";
    internal const string CampaignAssignments = "campaign_assignments";
    internal const string ContactAttempts = "contact_attempts";
    internal const string OwnerChanges = "owner_changes";
    internal const string LedgerEntries = "ledger_entries";
    internal const string Referrals = "referrals";

}
