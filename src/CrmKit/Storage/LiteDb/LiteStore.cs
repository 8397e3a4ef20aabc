using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file (or a private in-memory database) behind the store
/// contract. Opens the file, declares its indexes and runs each write unit of work as one
/// transaction. Writes are serialised, so derived data (stats, history) kept in the same
/// transaction can never interleave with another writer's. LiteDB binds a transaction to its
/// thread, so a unit of work runs on the calling thread and must complete without yielding (the
/// domain's units of work await only this store, which always completes at once).
/// </summary>
internal sealed partial class LiteStore : ICrmStore
{
    private readonly LiteDatabase _db;
    private readonly Lock _writeGate = new();
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stamped = new(StringComparer.Ordinal);

    /// <summary>Customer documents read or written by the current write, so a write reads each customer once.</summary>
    private readonly Dictionary<string, BsonDocument> _written = new(StringComparer.Ordinal);

    /// <summary>The stored code of each interaction the current write read, so a rewrite finds its key.</summary>
    private readonly Dictionary<long, string> _owners = [];
    private readonly LiteSession _readSession;
    private readonly LiteSession _writeSession;
    private long? _nextSequence;
    private readonly DatabaseFileLock? _fileLock;
    private readonly string? _readOnlyPath;

    /// <exception cref="DatabaseFileException">The file cannot be opened as asked; nothing was written (see <see cref="DatabaseFile.Open"/>).</exception>
    internal LiteStore(CrmOptions options)
    {
        Location = options.FilePath ?? "(in memory)";
        _readSession = new LiteSession(this, writable: false);
        _writeSession = new LiteSession(this, writable: true);
        try
        {
            _db = options.FilePath is null
                ? new LiteDatabase(new MemoryStream())
                : DatabaseFile.Open(options, out _fileLock);
        }
        catch (LiteException e)
        {
            throw Failure(e);
        }
        _db.UtcDate = true;
        TransactionMemory.Apply(_db);
        if (options.FilePath is not null && options.ReadOnly) _readOnlyPath = Path.GetFullPath(options.FilePath);

        Customers = _db.GetCollection(Collections.Customers, BsonAutoId.ObjectId);
        Interactions = _db.GetCollection(Collections.Interactions, BsonAutoId.Int64);
        StageChanges = _db.GetCollection(Collections.StageChanges, BsonAutoId.Int64);
        Aliases = _db.GetCollection(Collections.Aliases, BsonAutoId.ObjectId);
        Merges = _db.GetCollection(Collections.Merges, BsonAutoId.Int64);
        Erasures = _db.GetCollection(Collections.Erasures, BsonAutoId.Int64);
        Meta = _db.GetCollection(Collections.Meta, BsonAutoId.ObjectId);
        Changes = _db.GetCollection(Collections.Changes, BsonAutoId.ObjectId);
        Segments = _db.GetCollection(Collections.Segments, BsonAutoId.ObjectId);
        SegmentMembers = _db.GetCollection(Collections.SegmentMembers, BsonAutoId.ObjectId);
        SegmentEvents = _db.GetCollection(Collections.SegmentEvents, BsonAutoId.Int64);
        CareTasks = _db.GetCollection(Collections.CareTasks, BsonAutoId.Int64);
        CareSuppressions = _db.GetCollection(Collections.CareSuppressions, BsonAutoId.ObjectId);
        Cases = _db.GetCollection(Collections.Cases, BsonAutoId.Int64);
        GradeChanges = _db.GetCollection(Collections.GradeChanges, BsonAutoId.Int64);
        Claims = _db.GetCollection(Collections.Claims, BsonAutoId.ObjectId);
        ValueFits = _db.GetCollection(Collections.ValueFits, BsonAutoId.Int64);
        CustomerValues = _db.GetCollection(Collections.CustomerValues, BsonAutoId.ObjectId);
        JobRuns = _db.GetCollection(Collections.JobRuns);
        Campaigns = _db.GetCollection(Collections.Campaigns, BsonAutoId.ObjectId);
        CampaignSteps = _db.GetCollection(Collections.CampaignSteps, BsonAutoId.Int64);
        CampaignTemplates = _db.GetCollection(Collections.CampaignTemplates, BsonAutoId.ObjectId);
        CampaignAssignments = _db.GetCollection(Collections.CampaignAssignments, BsonAutoId.ObjectId);
        ContactAttempts = _db.GetCollection(Collections.ContactAttempts, BsonAutoId.Int64);
        OwnerChanges = _db.GetCollection(Collections.OwnerChanges, BsonAutoId.Int64);
        LedgerEntries = _db.GetCollection(Collections.LedgerEntries, BsonAutoId.Int64);
        Referrals = _db.GetCollection(Collections.Referrals, BsonAutoId.ObjectId);

        if (_readOnlyPath is not null)
        {
            if (!_db.CollectionExists(Collections.LegacyStats) && !NeedsCompactFormat()) return;
            Dispose();
            throw new DatabaseFileException(_readOnlyPath, "was written by an earlier version of CrmKit: open it for writing once, to upgrade it, before opening it read-only.");
        }
        try
        {
            MoveLegacyStats();
            UpgradeToCompactFormat();
            EnsureCustomerIndexes(Customers);
            StageChanges.EnsureIndex("c", "$.c");
            Aliases.EnsureIndex("s", "$.s");
            Changes.EnsureIndex("s", "$.s");
            Cases.EnsureIndex("c", "$.c");
            Cases.EnsureIndex("o", "$.o");
            SegmentMembers.EnsureIndex("seg", "$.seg");
            SegmentMembers.EnsureIndex("c", "$.c");
            SegmentEvents.EnsureIndex("seg", "$.seg");
            SegmentEvents.EnsureIndex("c", "$.c");
            CareTasks.EnsureIndex("c", "$.c");
            CareTasks.EnsureIndex("k", "$.k", unique: true);
            CareTasks.EnsureIndex("st", "$.st");
            CareSuppressions.EnsureIndex("c", "$.c");
            GradeChanges.EnsureIndex("c", "$.c");
            Erasures.EnsureIndex("c", "$.c");
            CampaignSteps.EnsureIndex("cmp", "$.cmp");
            CampaignAssignments.EnsureIndex("cmp", "$.cmp");
            LiteOperations.EnsureIndexes(this);
            LedgerEntries.EnsureIndex("c", "$.c");
            Referrals.EnsureIndex("by", "$.by");
            EnsureIdentityIndexes();
        }
        catch (LiteException e)
        {
            Dispose();
            throw Failure(e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The file as a full path, or <c>(in memory)</c>, for errors about the file itself.</summary>
    internal string FullLocation => Location == "(in memory)" ? Location : Path.GetFullPath(Location);

    internal ILiteCollection<BsonDocument> Customers { get; }
    internal ILiteCollection<BsonDocument> Interactions { get; }
    internal ILiteCollection<BsonDocument> StageChanges { get; }
    internal ILiteCollection<BsonDocument> Aliases { get; }
    internal ILiteCollection<BsonDocument> Merges { get; }
    internal ILiteCollection<BsonDocument> Erasures { get; }
    internal ILiteCollection<BsonDocument> Meta { get; }

    /// <summary>
    /// Per customer merged away, the change sequence number of the transaction that removed it; a
    /// live customer carries its number in its own document.
    /// </summary>
    internal ILiteCollection<BsonDocument> Changes { get; }
    internal ILiteCollection<BsonDocument> Segments { get; }
    internal ILiteCollection<BsonDocument> SegmentMembers { get; }
    internal ILiteCollection<BsonDocument> SegmentEvents { get; }
    internal ILiteCollection<BsonDocument> CareTasks { get; }
    internal ILiteCollection<BsonDocument> CareSuppressions { get; }
    internal ILiteCollection<BsonDocument> Cases { get; }
    internal ILiteCollection<BsonDocument> ContactAttempts { get; }
    internal ILiteCollection<BsonDocument> OwnerChanges { get; }
    internal ILiteCollection<BsonDocument> GradeChanges { get; }
    internal ILiteCollection<BsonDocument> Claims { get; }
    internal ILiteCollection<BsonDocument> ValueFits { get; }
    internal ILiteCollection<BsonDocument> CustomerValues { get; }
    internal ILiteCollection<BsonDocument> JobRuns { get; }
    internal ILiteCollection<BsonDocument> Campaigns { get; }
    internal ILiteCollection<BsonDocument> CampaignSteps { get; }
    internal ILiteCollection<BsonDocument> CampaignTemplates { get; }
    internal ILiteCollection<BsonDocument> CampaignAssignments { get; }
    internal ILiteCollection<BsonDocument> LedgerEntries { get; }
    internal ILiteCollection<BsonDocument> Referrals { get; }

    /// <summary>
    /// The change sequence number of the last committed transaction that changed a customer; 0 for
    /// a new file. Segment refreshes and care sweeps remember it to find what changed since.
    /// </summary>
    internal long ChangeSequence => Meta.FindById(SequenceKey)?["v"].AsInt64 ?? 0;

    /// <summary>Throws unless the calling thread is running a write unit of work.</summary>
    internal void RequireWrite()
    {
        if (!_writeGate.IsHeldByCurrentThread)
            throw new InvalidOperationException("The embedded store writes only inside a write unit of work, on the thread that started it.");
    }

    /// <summary>
    /// Marks a customer as changed by the current write: its profile, interactions, stage or a merge.
    /// The marks are stored when the write commits, all under one new sequence number.
    /// </summary>
    internal void Touch(string code)
    {
        RequireWrite();
        _touched.Add(code);
    }

    /// <inheritdoc />
    public ValueTask<T> ReadAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ValueTask.FromResult(Complete(work(_readSession, cancellationToken)));
        }
        catch (LiteException e)
        {
            throw Failure(e);
        }
    }

    /// <inheritdoc />
    public ValueTask<T> WriteAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        RefuseReadOnly();
        lock (_writeGate)
        {
            return ValueTask.FromResult(Transaction(() => Complete(work(_writeSession, cancellationToken))));
        }
    }

    /// <summary>Runs raw work on the collections as one transaction; for benchmarks and tests that seed or clear a file in bulk.</summary>
    internal T Write<T>(Func<T> work)
    {
        RefuseReadOnly();
        lock (_writeGate) return Transaction(work);
    }

    /// <exception cref="DatabaseFileException">The database was opened read-only.</exception>
    private void RefuseReadOnly()
    {
        if (_readOnlyPath is not null) throw new DatabaseFileException(_readOnlyPath, "is open read-only: nothing can be written through this database.");
    }

    /// <summary>The result of a unit of work that, on this store, has completed by the time it returns.</summary>
    private static T Complete<T>(ValueTask<T> pending) =>
        pending.IsCompleted
            ? pending.GetAwaiter().GetResult()
            : throw new InvalidOperationException("A unit of work on the embedded store awaited something other than the store; it must complete on the thread that started it.");

    /// <summary>Runs <paramref name="work"/> as one transaction, inside the write gate: all of it is committed, or none of it.</summary>
    private T Transaction<T>(Func<T> work)
    {
        try
        {
            if (!_db.BeginTrans()) throw new InvalidOperationException("A CrmKit write was started inside another write.");
        }
        catch (LiteException e)
        {
            throw Failure(e);
        }
        try
        {
            var result = work();
            StoreTouched();
            _db.Commit();
            return result;
        }
        catch (LiteException e)
        {
            Rollback();
            throw Failure(e);
        }
        catch
        {
            Rollback();
            throw;
        }
        finally
        {
            _touched.Clear();
            _stamped.Clear();
            _written.Clear();
            _owners.Clear();
            _nextSequence = null;
        }
    }

    private void Rollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (LiteException)
        {
            // The first failure is the one to report; a file that cannot roll back keeps nothing of the write.
        }
    }

    /// <summary>A LiteDB failure as a CrmKit storage error naming the file.</summary>
    private CrmStorageException Failure(LiteException e) => new(Location, e.Message, e);

    private const string SequenceKey = "change-sequence";

    private void StoreTouched()
    {
        if (_touched.Count == 0) return;
        var next = _nextSequence ??= ChangeSequence + 1;
        foreach (var code in _touched)
        {
            if (_stamped.Contains(code)) continue;
            // A live customer carries its mark in its own document; a merged-away one, which has
            // none any more, in the changes collection.
            if (Customers.FindById(code) is { } customer)
            {
                customer[ChangeField] = next;
                Customers.Update(customer);
            }
            else
            {
                Changes.Upsert(new BsonDocument { ["_id"] = code, ["s"] = next });
            }
        }
        Meta.Upsert(new BsonDocument { ["_id"] = SequenceKey, ["v"] = next });
    }

    /// <summary>The codes of customers changed by transactions numbered after <paramref name="sequence"/>.</summary>
    internal IEnumerable<string> ChangedSince(long sequence) =>
        Customers.Find(Where.Gt(ChangeField, sequence)).Select(d => d["_id"].AsString)
            .Concat(Changes.Find(Where.Gt("s", sequence)).Select(d => d["_id"].AsString))
            .Distinct(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Checkpoint()
    {
        lock (_writeGate)
        {
            try
            {
                _db.Checkpoint();
            }
            catch (LiteException e)
            {
                throw Failure(e);
            }
        }
    }

    /// <summary>The pages left free in LiteDB's transaction page pool, for tests (null when it cannot be read).</summary>
    internal int? FreeTransactionPages => TransactionMemory.FreePages(_db);

    /// <summary>The names of the collections in the file, for tests.</summary>
    internal IEnumerable<string> CollectionNames() => _db.GetCollectionNames();

    /// <summary>The stored documents of a collection, for consistency checks in tests.</summary>
    internal IEnumerable<BsonDocument> Dump(string collection) => _db.GetCollection(collection).FindAll();

    /// <summary>Closes the file after a final checkpoint, and releases its lock.</summary>
    public void Dispose()
    {
        _db?.Dispose();
        _fileLock?.Dispose();
    }
}
