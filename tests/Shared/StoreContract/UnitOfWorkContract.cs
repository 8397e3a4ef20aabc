using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>The guarantees of the store contract itself, tested on the store directly: units of work, version checks, unique keys, the change feed, the scan.</summary>
public abstract class UnitOfWorkContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static Customer Stored(string code) => new(code, "Name " + code) { Stage = "prospect", StageSince = Now, CreatedAt = Now, UpdatedAt = Now, Version = 1 };

    private static T Write<T>(TestDatabase db, Func<IStoreSession, CancellationToken, ValueTask<T>> work) =>
        db.Crm.Store.WriteAsync(work, default).AsTask().GetAwaiter().GetResult();

    private static T Read<T>(TestDatabase db, Func<IStoreSession, CancellationToken, ValueTask<T>> work) =>
        db.Crm.Store.ReadAsync(work, default).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void A_unit_of_work_that_throws_keeps_nothing_it_wrote()
    {
        using var db = Open();
        var before = Read(db, (s, ct) => s.Changes.SequenceAsync(ct));
        Assert.Throws<InvalidOperationException>(() => Write<int>(db, async (s, ct) =>
        {
            await s.Customers.InsertAsync(Stored("X1"), ct);
            await s.Stages.AppendAsync(new StageChange("X1", null, "prospect", Now, "created", "test"), ct);
            throw new InvalidOperationException("stop");
        }));
        Assert.Null(Read(db, (s, ct) => s.Customers.FindAsync("X1", ct)));
        Assert.Empty(Read(db, (s, ct) => s.Stages.OfAsync("X1", ct)));
        Assert.Empty(Read(db, (s, ct) => s.Changes.ChangedSinceAsync(before, ct)));
        Assert.True(Read(db, (s, ct) => s.Changes.SequenceAsync(ct)) >= before);
    }

    [Fact]
    public void An_update_checks_the_stored_version_and_a_taken_code_is_refused()
    {
        using var db = Open();
        Write(db, async (s, ct) => { await s.Customers.InsertAsync(Stored("X1"), ct); return 0; });
        var conflict = Assert.Throws<ConcurrencyConflictException>(() =>
            Write(db, async (s, ct) => { await s.Customers.UpdateAsync(Stored("X1") with { Name = "late", Version = 3 }, 2, ct); return 0; }));
        Assert.Equal((2, 1), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Throws<DuplicateCustomerException>(() => Write(db, async (s, ct) => { await s.Customers.InsertAsync(Stored("X1"), ct); return 0; }));
        Write(db, async (s, ct) => { await s.Customers.UpdateAsync(Stored("X1") with { Name = "fresh", Version = 2 }, 1, ct); return 0; });
        Assert.Equal(("fresh", 2), Read(db, async (s, ct) => (await s.Customers.FindAsync("X1", ct))!.Customer is var c ? (c.Name, c.Version) : default));
    }

    [Fact]
    public void A_dedup_key_holds_one_task_ever()
    {
        using var db = Open();
        db.Crm.Customers.Create(new Customer("X1", "Someone"));
        var task = new CareTask { Customer = "X1", Rule = "r", OccasionKey = "r:1", Channel = Channel.Sms, Due = Now, ProposedDue = Now, CreatedAt = Now };
        var key = CareKeys.Dedup(task);
        var first = Write(db, (s, ct) => s.Care.InsertAsync(task, key, ct));
        var second = Write(db, (s, ct) => s.Care.InsertAsync(task with { Note = "again" }, key, ct));
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first, Assert.Single(db.Crm.Care.For("X1")));
        Assert.True(Read(db, (s, ct) => s.Care.KeyTakenAsync(key, ct)));
    }

    [Fact]
    public void Every_unit_of_work_that_changes_customers_takes_a_larger_number_and_marks_them()
    {
        using var db = Open();
        db.Crm.Customers.Create(new Customer("X1", "One"));
        db.Crm.Customers.Create(new Customer("X2", "Two"));
        var after = Read(db, (s, ct) => s.Changes.SequenceAsync(ct));
        db.Crm.Interactions.Record(new Interaction("X2", "inquiry", "web", Now));
        var recorded = Read(db, (s, ct) => s.Changes.SequenceAsync(ct));
        Assert.Equal(["X2"], Read(db, (s, ct) => s.Changes.ChangedSinceAsync(after, ct)).Select(c => c.Value));
        db.Crm.Customers.Merge("X1", "X2", "test", "same person");

        // Numbers grow with every unit of work; a server's sequence may skip some, so they are compared, not counted.
        var merged = Read(db, (s, ct) => s.Changes.SequenceAsync(ct));
        Assert.True(after < recorded && recorded < merged, $"sequence {after}, then {recorded}, then {merged}");
        var changed = Read(db, (s, ct) => s.Changes.ChangedSinceAsync(after, ct)).Select(c => c.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["X1", "X2"], changed);
        // The merge alone changed both: the survivor, and the merged code that is gone now.
        Assert.Equal(["X1", "X2"], Read(db, (s, ct) => s.Changes.ChangedSinceAsync(recorded, ct)).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Empty(Read(db, (s, ct) => s.Changes.ChangedSinceAsync(merged, ct)));
        Assert.Equal(new CustomerCode("X1"), Read(db, (s, ct) => s.Customers.ResolveAsync("X2", ct)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_scan_gives_every_customer_once_in_chunks_no_larger_than_asked(bool parallel)
    {
        using var db = Open();
        db.Crm.Customers.CreateMany(Enumerable.Range(0, 250).Select(i => new Customer($"S{i:D3}", $"Scan {i}")));
        var chunks = Read(db, async (s, ct) =>
        {
            var seen = new List<IReadOnlyList<CustomerSnapshot>>();
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(parallel) with { ChunkSize = 16 }, ct)) seen.Add(chunk);
            return seen;
        });
        Assert.All(chunks, c => Assert.InRange(c.Count, 1, 16));
        var codes = chunks.SelectMany(c => c).Select(c => c.Customer.Code.Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"S{i:D3}"), codes);
        var only = Read(db, async (s, ct) =>
        {
            var seen = new List<string>();
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.Only([new CustomerCode("S007"), new CustomerCode("NONE")]), ct)) seen.AddRange(chunk.Select(c => c.Customer.Code.Value));
            return seen;
        });
        Assert.Equal(["S007"], only);
    }

    [Fact]
    public void A_read_unit_of_work_cannot_write()
    {
        using var db = Open();
        Assert.Throws<InvalidOperationException>(() => Read(db, async (s, ct) => { await s.Customers.InsertAsync(Stored("X1"), ct); return 0; }));
        Assert.Null(db.Crm.Customers.Find("X1"));
    }
}
