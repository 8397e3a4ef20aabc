namespace CrmKit.Storage;

/// <summary>
/// One unit of work's view of the store, by aggregate. Valid only inside the
/// <see cref="ICrmStore.ReadAsync{T}"/> or <see cref="ICrmStore.WriteAsync{T}"/> call that handed it
/// out; writing through a read session throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IStoreSession
{
    /// <summary>Customers with their stats, merge aliases and the snapshot scan.</summary>
    ICustomerStore Customers { get; }

    /// <summary>The append-only interaction log.</summary>
    IInteractionStore Interactions { get; }

    /// <summary>Stage history.</summary>
    IStageHistoryStore Stages { get; }

    /// <summary>Segment definitions, members and events.</summary>
    ISegmentStore Segments { get; }

    /// <summary>Care tasks and suppressions.</summary>
    ICareStore Care { get; }

    /// <summary>Grade history.</summary>
    IGradeStore Grades { get; }

    /// <summary>Claims on leads.</summary>
    IClaimStore Claims { get; }

    /// <summary>Value fits and per-customer value figures.</summary>
    IValueStore Values { get; }

    /// <summary>The last completed run of each scheduled job.</summary>
    IJobRunStore JobRuns { get; }

    /// <summary>The change feed: which customers changed since a sequence number.</summary>
    IChangeFeed Changes { get; }

    /// <summary>Erasure records and the per-customer dossier.</summary>
    IPrivacyStore Privacy { get; }

    /// <summary>Service cases.</summary>
    ICaseStore Cases { get; }

    /// <summary>The configuration the database keeps about itself.</summary>
    IConfigurationStore Configuration { get; }

    /// <summary>Campaigns with their lifecycle steps, templates and assignments.</summary>
    ICampaignStore Campaigns { get; }

    /// <summary>Contact attempts and owner changes.</summary>
    IOperationStore Operations { get; }

    /// <summary>Points ledgers and referrals.</summary>
    ILoyaltyStore Loyalty { get; }

    /// <summary>The identity map, value sources, kept values, merge history and duplicate review list.</summary>
    IIdentityStore Identities { get; }
}
