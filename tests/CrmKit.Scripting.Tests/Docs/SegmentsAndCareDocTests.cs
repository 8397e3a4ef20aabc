using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Scripting.Tests.Docs;

/// <summary>
/// The snippets of docs/segments-and-care.md, compiled and run. When you change a snippet there,
/// change it here too (each region is named after its heading).
/// </summary>
public class SegmentsAndCareDocTests
{
    [Fact]
    public void The_walkthrough_runs_as_documented()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        // region: Opening a database with scripts
        var engine = new ScriptEngine(new ScriptEngineOptions { TimeProvider = clock });
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with
        {
            TimeProvider = clock,
            SegmentScripts = new ScriptedSegments(engine),
            ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1, QuietStart = new(21, 0), QuietEnd = new(9, 0) },
        });
        // endregion

        crm.Customers.Create(new Customer("C-001", "Li Wei")
        {
            Tags = ["vip", "key-account"],
            Birthday = new DateOnly(1985, 11, 27),
            TimeZone = "Asia/Shanghai",
            Owner = "ana",
            Consents = new Dictionary<Channel, Consent> { [Channel.Phone] = new(false, clock.GetUtcNow()) },
        });
        crm.Interactions.Record(new Interaction("C-001", InteractionKind.Purchase, Channel.Store, clock.GetUtcNow().AddDays(-20)) { Amount = 1_500m });

        // region: Built-in filters
        crm.Segments.Define(new SegmentDefinition("active-vips", "VIPs who bought within 90 days",
            new SegmentFilter(
                SegmentClause.HasAnyTag("vip"),
                SegmentClause.StageIn("prospect", "new", "growing", "mature"),
                SegmentClause.RecencyDays(ClauseOperator.LessOrEqual, 90),
                SegmentClause.Monetary(ClauseOperator.GreaterOrEqual, 1_000m))));
        // endregion

        // region: Scripted segments
        crm.Segments.Define(new SegmentDefinition("big-spenders", "spent more than the threshold",
            "Customer.MonetaryTotal > decimal.Parse(Params.Get<string>(\"min\"), System.Globalization.CultureInfo.InvariantCulture)")
        {
            Parameters = new Dictionary<string, string> { ["min"] = "1000" },
        });
        // endregion

        // region: Refreshing
        var full = crm.Segments.Refresh("active-vips");               // every customer
        crm.Interactions.Record(new Interaction("C-001", InteractionKind.Inquiry, Channel.Web, clock.GetUtcNow()));
        var changed = crm.Segments.RefreshChanged("active-vips");     // only C-001, changed since
        var all = crm.Segments.RefreshAll();                          // every stored segment, one transaction
        // endregion

        // region: Explaining
        var why = crm.Segments.Explain("active-vips", "C-001");
        foreach (var condition in why.Conditions)
            Console.WriteLine($"{condition.Condition}: {(condition.Held ? "held" : "failed")} ({condition.Observed})");
        var since = crm.Segments.Of("C-001");                         // segments with since-when
        var history = crm.Segments.Events("active-vips", "C-001");    // entered/left, by refresh
        // endregion

        // region: Sweeping
        using var script = engine.CompileCare("""
            if (Customer.HasTag("vip") && Customer.Recency(Now) > TimeSpan.FromDays(14))
                Care.Propose("vip-check-in-" + Now.ToString("yyyy-MM"), channel: "email", priority: CarePriority.High);
            """, "vip-check-in.csx");
        var rules = new List<ICareRule>
        {
            CareRules.Birthday(leadDays: 3, Channel.Phone, Channel.Sms),  // one task per channel
            CareRules.ChurnWarning(factor: 2.0, minPurchases: 3),
            new ScriptedCareRule("vip-check-in", script),
        };
        var sweep = crm.Care.Sweep(rules, at: clock.GetUtcNow());
        // endregion

        // region: Closing tasks
        var task = crm.Care.For("C-001").First(t => t.Status == CareTaskStatus.Open);
        crm.Care.Complete(task.Id, "wished a happy birthday", actor: "ana");
        // endregion

        // region: Why no birthday call
        foreach (var s in crm.Care.Suppressions("C-001", rule: "birthday"))
            Console.WriteLine($"{s.Channel}: {s.Reason} — {s.Detail}");
        // endregion

        Assert.Equal((1, 1, 0), (full.Members, changed.Evaluated, changed.Entered));
        Assert.Equal(2, all.Count);
        Assert.True(why.Matches);
        Assert.Equal(["active-vips", "big-spenders"], since.Select(m => m.Segment));
        Assert.Single(history);
        Assert.True(sweep.Created >= 2);
        Assert.Contains(crm.Care.Suppressions("C-001"), s => s.Reason == SuppressionReason.OptedOut && s.Channel == Channel.Phone);
    }
}
