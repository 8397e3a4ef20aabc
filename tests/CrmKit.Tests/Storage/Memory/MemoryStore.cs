using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

/// <summary>
/// A store of plain collections behind the store contract: no LiteDB, no file. It exists so the
/// contract suite runs on a second, independent implementation. Writes are serialised by a
/// semaphore and work on a copy of the state, which replaces the committed state on commit.
/// </summary>
internal sealed class MemoryStore : ICrmStore
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile MemoryState _committed = new();

    public string Location => "(plain collections)";

    public async ValueTask<T> ReadAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = new MemorySession(_committed, writable: false);
        try
        {
            return await work(session, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            session.Close();
        }
    }

    public async ValueTask<T> WriteAsync<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        var draft = _committed.Copy();
        var session = new MemorySession(draft, writable: true);
        try
        {
            var result = await work(session, cancellationToken).ConfigureAwait(false);
            session.Commit();
            _committed = draft;
            return result;
        }
        finally
        {
            session.Close();
            _writer.Release();
        }
    }

    public void Checkpoint()
    {
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>One unit of work on a <see cref="MemoryState"/>; a write session marks the customers it changes.</summary>
internal sealed class MemorySession : IStoreSession, IThreadBoundSession
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private bool _closed;

    internal MemorySession(MemoryState state, bool writable)
    {
        State = state;
        Writable = writable;
        var customers = new MemoryCustomers(this);
        Customers = customers;
        Interactions = new MemoryInteractions(this);
        Stages = new MemoryStages(this);
        Segments = new MemorySegments(this);
        Care = new MemoryCare(this);
        Grades = new MemoryGrades(this);
        Claims = new MemoryClaims(this);
        Values = new MemoryValues(this);
        JobRuns = new MemoryJobRuns(this);
        Changes = new MemoryChanges(this);
        Privacy = new MemoryPrivacy(this);
        Configuration = new MemoryConfiguration(this);
        Cases = new MemoryCases(this);
        Campaigns = new MemoryCampaigns(this);
        Operations = new MemoryOperations(this);
        Loyalty = new MemoryLoyalty(this);
        Identities = new MemoryIdentities(this);
    }

    internal MemoryState State { get; }

    internal bool Writable { get; }

    /// <summary>The number this write's changes will carry.</summary>
    internal long Next => State.Sequence + 1;

    internal void Check()
    {
        if (_closed) throw new InvalidOperationException("The unit of work this session belonged to has ended.");
    }

    internal void RequireWrite()
    {
        Check();
        if (!Writable) throw new InvalidOperationException("A read unit of work cannot write.");
    }

    internal void Touch(string code)
    {
        RequireWrite();
        _touched.Add(code);
    }

    internal void Commit()
    {
        if (_touched.Count == 0) return;
        var next = Next;
        foreach (var code in _touched)
        {
            if (State.Customers.TryGetValue(code, out var stored)) State.Customers[code] = stored with { Mark = next };
            else State.GoneMarks[code] = next;
        }
        State.Sequence = next;
    }

    internal void Close() => _closed = true;

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
