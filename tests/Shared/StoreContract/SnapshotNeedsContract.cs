using System.Collections.Concurrent;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// What refreshes and sweeps load for rules that read more than the profile (interaction metadata,
/// other segments, open tasks), on the store under test: the look-ups of many customers at once
/// give what the one-customer look-ups give, and a predicate sees exactly what it asked for.
/// </summary>
public abstract class SnapshotNeedsContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static void Seed(TestDatabase db)
    {
        db.SeedCustomers(4);
        var at = db.Clock.GetUtcNow().AddDays(-10);
        db.Crm.Interactions.Record(new Interaction("C0", "survey", Channel.Email, at) { Metadata = new Dictionary<string, string> { ["nps"] = "9", ["购买意向"] = "高" } });
        db.Crm.Interactions.Record(new Interaction("C0", "survey", Channel.Email, at.AddDays(2)) { Metadata = new Dictionary<string, string> { ["nps"] = "6" } });
        db.Crm.Interactions.Record(new Interaction("C0", InteractionKind.Purchase, Channel.Store, at) { Amount = 10m });
        db.Crm.Interactions.Record(new Interaction("C1", "top-up", Channel.App, at) { Metadata = new Dictionary<string, string> { ["amount"] = "50" } });
        db.Crm.Segments.Define(new SegmentDefinition("vip", "tagged vip", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
        db.Crm.Segments.Define(new SegmentDefinition("buyers", "bought", new SegmentFilter(SegmentClause.Monetary(ClauseOperator.Greater, 0m))));
        var c2 = db.Crm.Customers.Get("C2");
        db.Crm.Customers.Update(c2 with { Tags = ["vip"] });
        db.Crm.Segments.RefreshAll();
        db.Crm.Care.Sweep([CareRules.DormantProspect(quietDays: 1)], db.Clock.GetUtcNow().AddDays(5));
    }

    [Fact]
    public async Task The_look_ups_of_many_customers_give_what_the_one_customer_look_ups_give()
    {
        using var db = Open();
        Seed(db);
        CustomerCode[] codes = ["C0", "C1", "C2", "C3", "C9"];

        var (interactions, memberships, tasks, one) = await db.Crm.Store.ReadAsync(async (s, ct) =>
        {
            var i = await s.Interactions.OfManyAsync(codes, ct);
            var m = await s.Segments.OfManyAsync(codes, ct);
            var t = await s.Care.OpenOfManyAsync(codes, ct);
            var single = new List<(CustomerCode, IReadOnlyList<Interaction>, IReadOnlyList<SegmentMembership>, CareTask[])>();
            foreach (var code in codes)
                single.Add((code, await s.Interactions.OfAsync(code, ct), await s.Segments.OfAsync(code, ct),
                    [.. (await s.Care.OfAsync(code, ct)).Where(x => x.Status == CareTaskStatus.Open)]));
            return (i, m, t, single);
        }, default);

        foreach (var (code, i, m, t) in one)
        {
            Assert.Equal(i.Select(x => x.Id), interactions.GetValueOrDefault(code)?.Select(x => x.Id) ?? []);
            Assert.Equal(m.Select(x => x.Segment).Order(StringComparer.Ordinal), (memberships.GetValueOrDefault(code) ?? []).Select(x => x.Segment).Order(StringComparer.Ordinal));
            Assert.Equal(t.Select(x => x.Id), tasks.GetValueOrDefault(code)?.Select(x => x.Id) ?? []);
        }
        Assert.False(interactions.ContainsKey("C9"));
        Assert.Equal(2, memberships["C2"].Count + memberships.GetValueOrDefault("C0", []).Count);
        Assert.NotEmpty(tasks);
    }

    [Fact]
    public void A_predicate_sees_the_metadata_memberships_and_open_tasks_it_asks_for_and_nothing_more()
    {
        using var db = Open();
        Seed(db);
        var seen = new Recorder(new SnapshotNeeds
        {
            InteractionMetadata = true,
            MetadataKinds = new HashSet<InteractionKind> { "survey" },
            Segments = new HashSet<string>(StringComparer.Ordinal) { "vip" },
            OpenTasks = true,
        });
        db.Crm.Segments.Preview(seen);

        var c0 = seen.Of("C0");
        Assert.Equal(["9", "6"], c0.InteractionsWithMetadata.Select(i => i.Metadata["nps"]));
        Assert.Equal("高", c0.InteractionsWithMetadata[0].Metadata["购买意向"]);
        Assert.Empty(seen.Of("C1").InteractionsWithMetadata); // a top-up: not a kind it asked for
        Assert.Equal(["vip"], seen.Of("C2").Segments);
        Assert.Empty(c0.Segments); // a member of "buyers", which it did not ask about
        Assert.Equal(db.Crm.Care.For("C3").Count(t => t.Status == CareTaskStatus.Open), seen.Of("C3").OpenTasks.Count);
        Assert.NotEmpty(seen.Of("C3").OpenTasks);

        var plain = new Recorder(SnapshotNeeds.None);
        db.Crm.Segments.Preview(plain);
        Assert.All(plain.All, s => Assert.True(s.InteractionsWithMetadata.Count == 0 && s.Segments.Count == 0 && s.OpenTasks.Count == 0));
    }

    /// <summary>A predicate that keeps every snapshot it is shown.</summary>
    private sealed class Recorder(SnapshotNeeds needs) : ISegmentPredicate
    {
        private readonly ConcurrentDictionary<CustomerCode, CustomerSnapshot> _seen = new();

        public SnapshotNeeds Needs => needs;

        public IEnumerable<CustomerSnapshot> All => _seen.Values;

        public CustomerSnapshot Of(CustomerCode code) => _seen[code];

        public bool Matches(CustomerSnapshot customer, DateTimeOffset now)
        {
            _seen[customer.Customer.Code] = customer;
            return false;
        }
    }
}
