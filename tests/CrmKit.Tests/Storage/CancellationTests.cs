namespace CrmKit.Tests.Storage;

/// <summary>A cancelled operation throws and leaves the database exactly as it was, even when it is cancelled midway.</summary>
public class CancellationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A rule that cancels the sweep while it is asking about the customers.</summary>
    private sealed class CancellingRule(CancellationTokenSource source, int after) : ICareRule
    {
        private int _asked;

        public string Name => "cancelling";

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset at)
        {
            if (Interlocked.Increment(ref _asked) == after) source.Cancel();
            return [new CareAction("always", at.AddDays(1), Channel.Sms)];
        }
    }

    /// <summary>A predicate that cancels the refresh while it is evaluating the customers.</summary>
    private sealed class CancellingPredicate(CancellationTokenSource source, int after) : ISegmentPredicate
    {
        private int _asked;

        public bool Matches(CustomerSnapshot customer, DateTimeOffset now)
        {
            if (Interlocked.Increment(ref _asked) == after) source.Cancel();
            return true;
        }
    }

    private static TestDatabase Seeded(int customers)
    {
        var db = TestDatabase.InMemory();
        db.Crm.Customers.CreateMany(Enumerable.Range(0, customers).Select(i => new Customer($"C{i:D4}", $"Customer {i}")));
        db.Crm.Interactions.RecordBatch(Enumerable.Range(0, customers).Select(i => new Interaction($"C{i:D4}", "purchase", "store", Now.AddDays(-i)) { Amount = 10m }));
        return db;
    }

    [Fact]
    public async Task A_sweep_cancelled_midway_creates_no_task_and_moves_no_cursor()
    {
        using var db = Seeded(1_500);
        db.Crm.Care.Sweep([CareRules.Birthday()], Now);
        var before = db.Snapshot();
        using var source = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            db.Crm.Care.SweepAsync([new CancellingRule(source, after: 700)], Now.AddDays(30), cancellationToken: source.Token));

        Assert.Equal(before, db.Snapshot());
        Assert.Equal(1_500, db.Crm.Care.Sweep([new CancellingRule(new CancellationTokenSource(), after: -1)], Now.AddDays(30)).Created);
    }

    [Fact]
    public async Task A_refresh_cancelled_midway_records_no_member_and_no_event()
    {
        using var db = Seeded(1_500);
        db.Crm.Segments.Define(new SegmentDefinition("buyers", "bought", new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m))));
        var before = db.Snapshot();
        using var source = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Crm.Segments.PreviewAsync(new CancellingPredicate(source, 700), cancellationToken: source.Token));
        using var refresh = new CancellationTokenSource();
        refresh.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Crm.Segments.RefreshAsync("buyers", cancellationToken: refresh.Token));

        Assert.Equal(before, db.Snapshot());
        Assert.Equal(1_500, db.Crm.Segments.Refresh("buyers").Members);
    }

    [Fact]
    public async Task Cancelled_bulk_writes_write_nothing()
    {
        using var db = Seeded(10);
        var before = db.Snapshot();
        using var source = new CancellationTokenSource();
        source.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Crm.Customers.CreateManyAsync([new Customer("N1", "New")], cancellationToken: source.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Crm.Interactions.RecordBatchAsync([new Interaction("C0000", "inquiry", "web", Now)], source.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Crm.Value.FitAsync(DateOnly.FromDateTime(Now.Date), cancellationToken: source.Token));

        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public async Task The_async_and_sync_forms_give_the_same_answers()
    {
        using var db = Seeded(20);
        var created = await db.Crm.Customers.CreateAsync(new Customer("A1", "Async"));
        Assert.Equal((created.Code, created.Version), (db.Crm.Customers.Get("A1").Code, db.Crm.Customers.Get("A1").Version));
        Assert.Equal((await db.Crm.Customers.GetAsync("A1")).Name, db.Crm.Customers.Find("A1")!.Name);
        var recorded = await db.Crm.Interactions.RecordAsync(new Interaction("A1", "purchase", "web", Now) { Amount = 5m });
        Assert.Equal(recorded.Id, Assert.Single((await db.Crm.Interactions.ForAsync("A1", PageRequest.First)).Items).Id);
        Assert.Equal(db.Crm.Customers.All(PageRequest.First).Items.Select(c => c.Code),
            (await db.Crm.Customers.QueryAsync(CrmKit.Storage.CustomerQuery.All, PageRequest.First)).Items.Select(c => c.Code));
        Assert.Equal(db.Crm.PersonalData.Export("A1"), await db.Crm.PersonalData.ExportAsync("A1"));
    }
}
