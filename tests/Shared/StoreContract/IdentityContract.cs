using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>The identity sub-store on the store directly: the identity map, value sources, kept values, merge history and review list, and the merge moves.</summary>
public abstract class IdentityContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, 123_456 / 1000, TimeSpan.FromHours(8));

    private static void Write(TestDatabase db, Func<IStoreSession, CancellationToken, ValueTask> work) =>
        db.Crm.Store.WriteAsync(async (s, ct) => { await work(s, ct); return 0; }, default).AsTask().GetAwaiter().GetResult();

    private static T Write<T>(TestDatabase db, Func<IStoreSession, CancellationToken, ValueTask<T>> work) =>
        db.Crm.Store.WriteAsync(work, default).AsTask().GetAwaiter().GetResult();

    private static T Read<T>(TestDatabase db, Func<IStoreSession, CancellationToken, ValueTask<T>> work) =>
        db.Crm.Store.ReadAsync(work, default).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void The_identity_map_finds_replaces_and_lists_entries_in_ordinal_order()
    {
        using var db = Open();
        Write(db, async (s, ct) =>
        {
            await s.Identities.PutSourceAsync(new SourceIdentity("cards", "b-7", "C1", Now), ct);
            await s.Identities.PutSourceAsync(new SourceIdentity("cards", "B-7", "C2", Now.AddDays(1)), ct);
            await s.Identities.PutSourceAsync(new SourceIdentity("core", "帳戶 001", "C1", Now), ct);
            await s.Identities.PutSourceAsync(new SourceIdentity("cards", "A-1", "C3", Now), ct);
        });
        Write(db, (s, ct) => s.Identities.PutSourceAsync(new SourceIdentity("cards", "A-1", "C1", Now.AddHours(2)), ct));
        db.Reopen();

        Assert.Equal(new SourceIdentity("cards", "B-7", "C2", Now.AddDays(1)), Read(db, (s, ct) => s.Identities.FindSourceAsync("cards", "B-7", ct)));
        Assert.Null(Read(db, (s, ct) => s.Identities.FindSourceAsync("CARDS", "B-7", ct)));
        Assert.Equal(["cards/A-1", "cards/b-7", "core/帳戶 001"], Read(db, (s, ct) => s.Identities.SourcesOfAsync("C1", ct)).Select(i => $"{i.System}/{i.Id}"));
        Assert.Equal(Now.AddHours(2), Read(db, (s, ct) => s.Identities.FindSourceAsync("cards", "A-1", ct))!.LinkedAt);

        var first = Read(db, (s, ct) => s.Identities.SourcesAsync(null, new PageRequest(0, 2), ct));
        var rest = Read(db, (s, ct) => s.Identities.SourcesAsync(null, new PageRequest(2, 2), ct));
        Assert.Equal(["cards/A-1", "cards/B-7", "cards/b-7", "core/帳戶 001"], first.Items.Concat(rest.Items).Select(i => $"{i.System}/{i.Id}"));
        Assert.True(first.HasMore);
        Assert.False(rest.HasMore);
        Assert.Equal(["帳戶 001"], Read(db, (s, ct) => s.Identities.SourcesAsync("core", new PageRequest(0, 10), ct)).Items.Select(i => i.Id));
    }

    [Fact]
    public void Kept_values_of_every_type_keep_their_order_and_value_sources_replace_per_field()
    {
        using var db = Open();
        AttributeValue[] values =
        [
            AttributeValue.Text("陳大文 🚗"), AttributeValue.Integer(-42), AttributeValue.Decimal(12.5000m), AttributeValue.Boolean(true),
            AttributeValue.Date(new DateOnly(1980, 2, 29)), AttributeValue.Instant(Now), AttributeValue.TextList(["存款", "贷款"]),
        ];
        Write(db, async (s, ct) =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                await s.Identities.KeepAsync(new KeptValue("C1", $"attributes.a{i}", values[i], i % 2 == 0 ? "cards" : null, Now.AddMinutes(i), Now)
                {
                    MergedFrom = i == 3 ? new CustomerCode("C9") : (CustomerCode?)null,
                }, ct);
            }
            await s.Identities.PutValueSourceAsync(new ValueSource("C1", "name", "cards", Now), ct);
            await s.Identities.PutValueSourceAsync(new ValueSource("C1", "attributes.age", "core", Now), ct);
            await s.Identities.PutValueSourceAsync(new ValueSource("C1", "name", "core", Now.AddDays(1)), ct);
        });
        db.Reopen();

        var kept = Read(db, (s, ct) => s.Identities.KeptOfAsync("C1", ct));
        Assert.Equal(values, kept.Select(k => k.Value));
        Assert.Equal(12.5000m.Scale, kept[2].Value.AsDecimal().Scale);
        Assert.True(kept[5].Value.AsInstant().EqualsExact(Now));
        Assert.Equal(["cards", null, "cards", null, "cards", null, "cards"], kept.Select(k => k.System));
        Assert.Equal("C9", kept[3].MergedFrom?.Value);
        Assert.Null(kept[0].MergedFrom);
        Assert.Equal(
            [new ValueSource("C1", "attributes.age", "core", Now), new ValueSource("C1", "name", "core", Now.AddDays(1))],
            Read(db, (s, ct) => s.Identities.ValueSourcesOfAsync("C1", ct)));
    }

    [Fact]
    public void A_move_takes_identities_and_kept_values_to_the_survivor_and_drops_the_value_sources()
    {
        using var db = Open();
        Write(db, async (s, ct) =>
        {
            await s.Identities.KeepAsync(new KeptValue("C0", "name", AttributeValue.Text("Zero"), null, Now, Now), ct);
            await s.Identities.KeepAsync(new KeptValue("C1", "name", AttributeValue.Text("One"), "cards", Now, Now), ct);
            await s.Identities.KeepAsync(new KeptValue("C1", "owner", AttributeValue.Text("ana"), null, Now, Now) { MergedFrom = "C7" }, ct);
            await s.Identities.KeepAsync(new KeptValue("C0", "name", AttributeValue.Text("Zéro"), null, Now, Now), ct);
            await s.Identities.PutSourceAsync(new SourceIdentity("cards", "7", "C1", Now), ct);
            await s.Identities.PutSourceAsync(new SourceIdentity("core", "1", "C0", Now), ct);
            await s.Identities.PutValueSourceAsync(new ValueSource("C1", "name", "cards", Now), ct);
        });
        var moved = Write(db, (s, ct) => s.Identities.MoveAsync("C1", "C0", ct));

        Assert.Equal(1, moved);
        Assert.Equal(["core/1", "cards/7"], Read(db, (s, ct) => s.Identities.SourcesOfAsync("C0", ct)).Select(i => $"{i.System}/{i.Id}").OrderByDescending(x => x));
        var kept = Read(db, (s, ct) => s.Identities.KeptOfAsync("C0", ct));
        Assert.Equal(["Zero", "One", "ana", "Zéro"], kept.Select(k => k.Value.AsText()));
        Assert.Equal([null, "C1", "C7", null], kept.Select(k => k.MergedFrom?.Value));
        Assert.Empty(Read(db, (s, ct) => s.Identities.KeptOfAsync("C1", ct)));
        Assert.Empty(Read(db, (s, ct) => s.Identities.ValueSourcesOfAsync("C1", ct)));
    }

    [Fact]
    public void Merge_history_keeps_every_count_and_the_kept_claim()
    {
        using var db = Open();
        var claim = new Claim("C2", "sales.李", Now, Now.AddDays(7));
        var first = new MergeRecord("C0", "C1", Now, "reviewer", "same phone", 3, 2) { GradeChangesMoved = 4, IdentitiesMoved = 1, ValuesKept = 5 };
        var second = new MergeRecord("C1", "C2", Now.AddHours(1), "import", "same id-number", 0, 1) { KeptClaim = claim };
        Write(db, async (s, ct) =>
        {
            await s.Identities.AppendMergeAsync(first, ct);
            await s.Identities.AppendMergeAsync(second, ct);
            await s.Identities.AppendMergeAsync(new MergeRecord("C5", "C6", Now, "x", "y", 0, 0), ct);
        });
        db.Reopen();

        Assert.Equal([first, second], Read(db, (s, ct) => s.Identities.MergesIntoAsync(["C1", "C0"], ct)));
        Assert.Empty(Read(db, (s, ct) => s.Identities.MergesIntoAsync(["C2"], ct)));
    }

    [Fact]
    public void The_review_list_keeps_one_entry_per_pair_in_either_order()
    {
        using var db = Open();
        var match = new DuplicateMatch("C2", "C1", ["same phone", "similar name"], 1.5, Now, "import cards");
        Write(db, async (s, ct) =>
        {
            await s.Identities.PutMatchAsync(match, ct);
            await s.Identities.PutMatchAsync(new DuplicateMatch("C0", "C3", ["same email"], 1, Now, "scan"), ct);
            await s.Identities.PutMatchAsync(new DuplicateMatch("C1", "C3", ["same id-number"], 1, Now, "scan"), ct);
        });
        Write(db, (s, ct) => s.Identities.PutMatchAsync(match with { DismissedAt = Now.AddDays(1), DismissedBy = "ma", DismissReason = "twins" }, ct));
        db.Reopen();

        var stored = Read(db, (s, ct) => s.Identities.FindMatchAsync("C1", "C2", ct))!;
        Assert.Equal(("C1", "C2"), (stored.First.Value, stored.Second.Value));
        Assert.Equal(["same phone", "similar name"], stored.Reasons);
        Assert.Equal((1.5, "import cards", "ma", "twins"), (stored.Score, stored.FoundBy, stored.DismissedBy, stored.DismissReason));
        Assert.Equal(Now.AddDays(1), stored.DismissedAt);
        Assert.False(stored.IsOpen);
        Assert.Equal(["C0~C3", "C1~C2", "C1~C3"], Read(db, (s, ct) => s.Identities.MatchesAsync(null, ct)).Select(m => $"{m.First}~{m.Second}"));
        Assert.Equal(["C0~C3", "C1~C3"], Read(db, (s, ct) => s.Identities.MatchesAsync("C3", ct)).Select(m => $"{m.First}~{m.Second}"));

        Assert.True(Write(db, (s, ct) => s.Identities.RemoveMatchAsync("C3", "C1", ct)));
        Assert.False(Write(db, (s, ct) => s.Identities.RemoveMatchAsync("C1", "C3", ct)));
        Assert.Null(Read(db, (s, ct) => s.Identities.FindMatchAsync("C1", "C3", ct)));
    }

    [Fact]
    public void Grade_history_moves_in_order_and_a_claim_can_be_removed()
    {
        using var db = Open();
        db.SeedCustomers(2);
        db.Crm.Grades.Assign("C1", "B", "first call", "ana");
        db.Crm.Grades.Assign("C0", "A", "big order", "bo");
        db.Crm.Grades.Assign("C1", "A", "second call", "ana");
        db.Crm.Claims.Take("C1", "ana");
        var moved = Write(db, (s, ct) => s.Grades.MoveAsync("C1", "C0", ct));
        db.Reopen();

        Assert.Equal(2, moved);
        var history = db.Crm.Grades.History("C0");
        Assert.Equal(["B", "A", "A"], history.Select(g => g.To));
        Assert.Equal([ "C1", null, "C1"], history.Select(g => g.MergedFrom?.Value));
        Assert.True(Write(db, (s, ct) => s.Claims.RemoveAsync("C1", ct)));
        Assert.Null(db.Crm.Claims.Current("C1"));
        Assert.False(Write(db, (s, ct) => s.Claims.RemoveAsync("C1", ct)));
    }
}
