using CrmKit.Storage;
using CrmKit.Storage.LiteDb;

namespace CrmKit;

/// <summary>
/// A CrmKit database: customers, their interactions, stats and lifecycle, segments, care and
/// value, kept in a store (by default one embedded database file, or a private in-memory database). The entry point for embedders. Thread-safe: reads run in
/// parallel, writes are serialised, and every public operation is one transaction that commits
/// completely or leaves the database as it was. While it is open, the file is locked against
/// other processes (a writer excludes everyone, read-only opens share); open one instance per file
/// and share it.
/// </summary>
/// <example>
/// <code>
/// using var crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile("crm.db"));
/// crm.Customers.Create(new Customer("C-001", "Li Wei"));
/// crm.Interactions.Record(new Interaction("C-001", InteractionKind.Purchase, Channel.Store, DateTimeOffset.Now) { Amount = 120m });
/// </code>
/// </example>
public sealed class CrmDatabase : IDisposable
{
    private readonly CrmContext _context;

    private CrmDatabase(CrmContext context)
    {
        _context = context;
        Customers = new CustomerBook(context);
        Interactions = new InteractionLog(context);
        Lifecycle = new LifecycleBook(context);
        PersonalData = new PersonalDataDesk(context);
        Segments = new SegmentBook(context);
        Care = new CareBook(context);
        Value = new Value.ValueBook(context);
        Grades = new GradeBook(context);
        Claims = new ClaimBook(context);
        JobRuns = new JobRunLog(context);
        Cases = new CaseBook(context);
        Campaigns = new CampaignBook(context);
        Rates = new RateBook(context);
        Queues = new QueueBook(context);
        Reports = new Reports.ReportBook(context, this);
        Loyalty = new LoyaltyBook(context);
        Identity = new IdentityBook(context);
        Bulk = new BulkTransfer(context);
    }

    /// <summary>
    /// Opens the database described by <paramref name="options"/>: an existing CrmKit database file, a
    /// new one when <see cref="CrmOptions.CreateIfMissing"/> is set and the file is missing, or a
    /// private in-memory database. The file stays locked against other processes until the database
    /// is disposed. The configuration stored in the file (attribute schema, stage model, purchase and
    /// refund kinds, contact policy) applies; the options may add to it (see <see cref="CrmOptions.Attributes"/>).
    /// </summary>
    /// <exception cref="CrmValidationException">The options are invalid.</exception>
    /// <exception cref="DatabaseFileException">The file is missing, not a CrmKit database, cut short, damaged or encrypted with another password; it was left as it was.</exception>
    /// <exception cref="DatabaseInUseException">Another process holds the file for longer than <see cref="CrmOptions.LockTimeout"/>.</exception>
    /// <exception cref="CrmConfigurationException">The options contradict the stored configuration; nothing was written.</exception>
    public static CrmDatabase Open(CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return OpenOn(options, new LiteStore(options));
    }

    /// <summary>
    /// Opens a database kept in <paramref name="store"/> (a server store, say), with the same
    /// configuration rules as a file: the configuration stored in the database applies, the
    /// options may add to it, and a database without one gets the options' configuration. The
    /// database owns the store from then on and disposes it with itself, or at once when opening fails.
    /// </summary>
    /// <exception cref="CrmValidationException">The options are invalid.</exception>
    /// <exception cref="CrmConfigurationException">The options contradict the stored configuration; nothing was written.</exception>
    /// <exception cref="CrmStorageException">The store failed, or its stored configuration is damaged.</exception>
    public static CrmDatabase Open(CrmOptions options, ICrmStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            options.Check();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return OpenOn(options, store);
    }

    /// <summary>Reconciles the stored configuration with the options, stores the result when it changed, and opens the database.</summary>
    private static CrmDatabase OpenOn(CrmOptions options, ICrmStore store)
    {
        try
        {
            var text = store.ReadAsync((s, ct) => s.Configuration.ReadAsync(ct), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var stored = text is null ? null : ConfigurationDocument.Read(text, store.Location);
            var configuration = CrmConfiguration.Reconcile(stored, options, out var changed);
            if (changed && !options.ReadOnly)
            {
                var document = ConfigurationDocument.Write(configuration);
                store.WriteAsync(async (s, ct) =>
                {
                    await s.Configuration.WriteAsync(document, ct).ConfigureAwait(false);
                    return true;
                }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            return new CrmDatabase(new CrmContext(configuration.ApplyTo(options), store));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The options the database was opened with, carrying the configuration in force: the stored one
    /// with any additions the given options made.
    /// </summary>
    public CrmOptions Options => _context.Options;

    /// <summary>Customers: create, read, update, query, merge.</summary>
    public CustomerBook Customers { get; }

    /// <summary>The append-only interaction log and the stats derived from it.</summary>
    public InteractionLog Interactions { get; }

    /// <summary>Lifecycle stages and their history.</summary>
    public LifecycleBook Lifecycle { get; }

    /// <summary>Segments: definitions, stored membership with its history, explanations.</summary>
    public SegmentBook Segments { get; }

    /// <summary>Care: sweeps that turn rule proposals into tasks under the contact policy, and the task lifecycle.</summary>
    public CareBook Care { get; }

    /// <summary>Per-customer export and erasure of personal data.</summary>
    public PersonalDataDesk PersonalData { get; }

    /// <summary>Who customers are across systems: the identity map, kept values and names, merge history and the duplicate review list.</summary>
    public IdentityBook Identity { get; }

    /// <summary>Bulk export of the whole base as JSON Lines or CSV, and restore of an export into a fresh database.</summary>
    public BulkTransfer Bulk { get; }

    /// <summary>Exclusive, time-limited claims of salespeople on leads.</summary>
    public ClaimBook Claims { get; }

    /// <summary>Grades and their recorded changes and reviews.</summary>
    public GradeBook Grades { get; }

    /// <summary>Service cases: complaints, requests and inquiries with deadlines, escalation and a recorded history.</summary>
    public CaseBook Cases { get; }

    /// <summary>Campaigns: plan, approve, rehearse, run with a holdout, evaluate; and the plan library.</summary>
    public CampaignBook Campaigns { get; }

    /// <summary>The rates that judge staff, channels and campaigns, cut by segment, owner, channel, campaign or period.</summary>
    public RateBook Rates { get; }

    /// <summary>Work queues by channel, owner, team and due time; claiming, assigning and transferring tasks; reassigning a leaving owner's book; owner history.</summary>
    public QueueBook Queues { get; }

    /// <summary>Reports for people to look at: the whole database as one self-contained HTML page of charts and tables.</summary>
    public Reports.ReportBook Reports { get; }

    /// <summary>Loyalty: points ledgers, membership tiers and referrals.</summary>
    public LoyaltyBook Loyalty { get; }

    /// <summary>Customer value: lifetime-value models fitted to the purchase log, RFM scores and value tiers.</summary>
    public Value.ValueBook Value { get; }

    /// <summary>
    /// Moves every committed change from the log file into the data file. CrmKit also does this on
    /// its own as the log grows and when the database is disposed.
    /// </summary>
    public void Checkpoint() => _context.Store.Checkpoint();

    /// <summary>Where the data lives, for messages and health reports: the file path, or the server, database and schema (never a password).</summary>
    public string Location => _context.Store.Location;

    /// <summary>The store the database is kept in.</summary>
    internal ICrmStore Store => _context.Store;

    /// <summary>The last completed run of each scheduled job, for hosts that schedule jobs.</summary>
    public IJobRunLog JobRuns { get; }

    /// <summary>Closes the file after a final checkpoint.</summary>
    public void Dispose() => _context.Store.Dispose();
}
