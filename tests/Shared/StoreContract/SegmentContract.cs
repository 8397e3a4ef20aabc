using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>Invariants of stored segment membership.</summary>
public abstract class SegmentContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private const int CustomerCount = 6;

    /// <summary>Filters drawn from the clauses the generated customers can satisfy or not.</summary>
    private static readonly Gen<SegmentFilter> Filter =
        Gen.Elements(
                SegmentClause.HasAnyTag("vip", "family"),
                SegmentClause.HasNoTag("premium"),
                SegmentClause.GradeIn("A", "B", "C"),
                SegmentClause.OwnerIn("Sales 1"),
                SegmentClause.AttributeIs("age", ClauseOperator.Greater, AttributeValue.Integer(40)),
                SegmentClause.Frequency(ClauseOperator.GreaterOrEqual, 1),
                SegmentClause.Monetary(ClauseOperator.Greater, 500m),
                SegmentClause.RecencyDays(ClauseOperator.LessOrEqual, 3650),
                SegmentClause.RecencyDays(ClauseOperator.Greater, 365),
                SegmentClause.StageIn("prospect"))
            .ListOf().Where(l => l.Count <= 3)
            .Select(clauses => new SegmentFilter(clauses));

    /// <summary>A change to one customer: a retag, a purchase, or a stage move.</summary>
    private static readonly Gen<(int Customer, int What, Interaction Purchase)> Change =
        from customer in Generators.CustomerIndex(CustomerCount)
        from what in Gen.Choose(0, 2)
        from interaction in Generators.InteractionFor(CustomerCount)
        select (customer, what, interaction with { Customer = $"C{customer}" });

    private TestDatabase Seeded(Customer[] customers)
    {
        var db = Open();
        foreach (var c in customers) db.Crm.Customers.Create(c);
        return db;
    }

    private static Gen<Customer[]> Customers =>
        Generators.Customer("C").ArrayOf(CustomerCount).Select(cs => cs.Select((c, i) => c with { Code = $"C{i}" }).ToArray());

    private static string[] Members(TestDatabase db, string segment) =>
        db.Crm.Segments.Members(segment, new PageRequest(0, 1000)).Items.Select(m => m.Customer.Value).ToArray();

    private static void Apply(TestDatabase db, (int Customer, int What, Interaction Purchase) change)
    {
        var code = $"C{change.Customer}";
        switch (change.What)
        {
            case 0:
                var c = db.Crm.Customers.Get(code);
                db.Crm.Customers.Update(c with { Tags = c.Tags.Contains("vip") ? [] : ["vip"] });
                break;
            case 1:
                db.Crm.Interactions.Record(change.Purchase);
                break;
            default:
                var stage = db.Crm.Customers.Get(code).Stage;
                if (stage == "prospect") db.Crm.Lifecycle.Change(code, "new", "bought", "test");
                break;
        }
    }

    [Property(MaxTest = 25)]
    public Property A_parallel_refresh_equals_a_sequential_one() =>
        Prop.ForAll(Customers.ToArbitrary(), Filter.ToArbitrary(), (customers, filter) =>
        {
            using var db = Seeded(customers);
            db.Crm.Segments.Define(new SegmentDefinition("p", "parallel", filter));
            db.Crm.Segments.Define(new SegmentDefinition("s", "sequential", filter));
            var p = db.Crm.Segments.Refresh("p", parallel: true);
            var s = db.Crm.Segments.Refresh("s", parallel: false);
            return Members(db, "p").SequenceEqual(Members(db, "s")) && p.Members == s.Members;
        });

    [Property(MaxTest = 25)]
    public Property An_incremental_refresh_equals_a_full_one() =>
        Prop.ForAll(Customers.ToArbitrary(), Filter.ToArbitrary(), Change.ListOf().Where(l => l.Count <= 8).ToArbitrary(), (customers, filter, changes) =>
        {
            using var db = Seeded(customers);
            db.Crm.Segments.Define(new SegmentDefinition("inc", "incremental", filter));
            db.Crm.Segments.Define(new SegmentDefinition("full", "full", filter));
            db.Crm.Segments.Refresh("inc");
            foreach (var (change, i) in changes.Select((c, i) => (c, i)))
            {
                Apply(db, change);
                if (i % 3 == 2) db.Crm.Segments.RefreshChanged("inc");
            }
            db.Crm.Segments.RefreshChanged("inc");
            db.Crm.Segments.Refresh("full");
            return Members(db, "inc").SequenceEqual(Members(db, "full"))
                .Label($"incremental [{string.Join(",", Members(db, "inc"))}] full [{string.Join(",", Members(db, "full"))}]");
        });

    [Property(MaxTest = 25)]
    public Property Replaying_entered_and_left_events_gives_the_current_membership() =>
        Prop.ForAll(Customers.ToArbitrary(), Filter.ToArbitrary(), Change.ListOf().Where(l => l.Count <= 8).ToArbitrary(), (customers, filter, changes) =>
        {
            using var db = Seeded(customers);
            db.Crm.Segments.Define(new SegmentDefinition("seg", "replayed", filter));
            foreach (var (change, i) in changes.Select((c, i) => (c, i)))
            {
                Apply(db, change);
                db.Clock.Advance(TimeSpan.FromDays(3));
                if (i % 2 == 0) db.Crm.Segments.Refresh("seg");
                else db.Crm.Segments.RefreshChanged("seg");
            }
            db.Crm.Segments.Refresh("seg");
            var replayed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var e in db.Crm.Segments.Events("seg"))
            {
                var ok = e.Entered ? replayed.Add(e.Customer.Value) : replayed.Remove(e.Customer.Value);
                if (!ok) return false.Label($"event {e} does not follow from the ones before it");
            }
            return replayed.SequenceEqual(Members(db, "seg")).Label("replayed membership differs from the stored one");
        });

    [Property(MaxTest = 20)]
    public Property The_event_scan_streams_exactly_the_segments_recorded_events() =>
        Prop.ForAll(Customers.ToArbitrary(), Filter.ToArbitrary(), Change.ListOf().Where(l => l.Count <= 6).ToArbitrary(), (customers, filter, changes) =>
        {
            using var db = Seeded(customers);
            db.Crm.Segments.Define(new SegmentDefinition("seg", "scanned", filter));
            db.Crm.Segments.Define(new SegmentDefinition("other", "not scanned", new SegmentFilter([])));
            foreach (var change in changes)
            {
                Apply(db, change);
                db.Clock.Advance(TimeSpan.FromDays(2));
                db.Crm.Segments.RefreshAll();
            }
            var scanned = db.Crm.Store.ReadAsync(async (s, ct) =>
            {
                var all = new List<SegmentEvent>();
                await foreach (var chunk in s.Segments.ScanEventsAsync("seg", ct)) all.AddRange(chunk);
                return all;
            }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            static string Key(SegmentEvent e) => $"{e.Refresh}/{e.Customer}/{e.Entered}/{e.At:o}";
            var expected = db.Crm.Segments.Events("seg").Select(Key).Order(StringComparer.Ordinal);
            return expected.SequenceEqual(scanned.Select(Key).Order(StringComparer.Ordinal)).Label($"scanned {scanned.Count} events");
        });
}
