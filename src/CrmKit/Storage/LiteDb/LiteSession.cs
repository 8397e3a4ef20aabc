namespace CrmKit.Storage.LiteDb;

/// <summary>The embedded store's session: one for reads and one for the write unit of work, each with every aggregate.</summary>
internal sealed class LiteSession : IStoreSession, IThreadBoundSession
{
    internal LiteSession(LiteStore store, bool writable)
    {
        Store = store;
        Writable = writable;
        Customers = new LiteCustomers(this);
        Interactions = new LiteInteractions(this);
        Stages = new LiteStages(this);
        Segments = new LiteSegments(this);
        Care = new LiteCare(this);
        Grades = new LiteGrades(this);
        Claims = new LiteClaims(this);
        Values = new LiteValues(this);
        JobRuns = new LiteJobRuns(this);
        Changes = new LiteChangeFeed(this);
        Privacy = new LitePrivacy(this);
        Configuration = new LiteConfiguration(this);
        Cases = new LiteCases(this);
        Campaigns = new LiteCampaigns(this);
        Operations = new LiteOperations(this);
        Loyalty = new LiteLoyalty(this);
        Identities = new LiteIdentities(this);
    }

    internal LiteStore Store { get; }

    internal bool Writable { get; }

    /// <summary>Throws unless this is the write session and its unit of work is running on this thread.</summary>
    internal void RequireWrite()
    {
        if (!Writable) throw new InvalidOperationException("A read unit of work cannot write.");
        Store.RequireWrite();
    }

    public ICustomerStore Customers { get; }

    public IInteractionStore Interactions { get; }
    public IStageHistoryStore Stages { get; }

    public ISegmentStore Segments { get; }
    public ICareStore Care { get; }

    public IGradeStore Grades { get; }
    public IClaimStore Claims { get; }

    public IValueStore Values { get; }
    public IJobRunStore JobRuns { get; }

    public IChangeFeed Changes { get; }
    public IPrivacyStore Privacy { get; }

    public IConfigurationStore Configuration { get; }
    public ICaseStore Cases { get; }

    public ICampaignStore Campaigns { get; }
    public IOperationStore Operations { get; }

    public ILoyaltyStore Loyalty { get; }
    public IIdentityStore Identities { get; }
}
