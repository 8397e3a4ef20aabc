using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// A CrmKit database: one LiteDB file (or a private in-memory database) holding customers, their
/// interactions, stats and lifecycle. The entry point for embedders. Thread-safe: reads run in
/// parallel, writes are serialised, and every public operation is one transaction that commits
/// completely or leaves the database as it was.
/// </summary>
/// <example>
/// <code>
/// using var crm = CrmDatabase.Open(CrmOptions.ForFile("crm.db"));
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
        JobRuns = new JobRunLog(context.Store);
    }

    /// <summary>Opens (or creates) the database described by <paramref name="options"/>.</summary>
    /// <exception cref="CrmValidationException">The options are invalid.</exception>
    public static CrmDatabase Open(CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return new CrmDatabase(new CrmContext(options, new LiteStore(options)));
    }

    /// <summary>The options the database was opened with.</summary>
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

    /// <summary>Exclusive, time-limited claims of salespeople on leads.</summary>
    public ClaimBook Claims { get; }

    /// <summary>Grades and their recorded changes and reviews.</summary>
    public GradeBook Grades { get; }

    /// <summary>Customer value: lifetime-value models fitted to the purchase log, RFM scores and value tiers.</summary>
    public Value.ValueBook Value { get; }

    /// <summary>
    /// Moves every committed change from the log file into the data file. CrmKit also does this on
    /// its own as the log grows and when the database is disposed.
    /// </summary>
    public void Checkpoint() => _context.Store.Checkpoint();

    internal LiteStore Store => _context.Store;

    /// <summary>The last completed run of each scheduled job, for hosts that schedule jobs.</summary>
    public IJobRunLog JobRuns { get; }

    /// <summary>Closes the file after a final checkpoint.</summary>
    public void Dispose() => _context.Store.Dispose();
}
