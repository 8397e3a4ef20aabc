namespace CrmKit.Scripting.Tests.Rules;

/// <summary>Scripted segments and care rules run through the same engine as the built-in ones.</summary>
public class ScriptedRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static CrmDatabase Open(ScriptEngine engine) =>
        CrmDatabase.Open(CrmOptions.InMemory() with { SegmentScripts = new ScriptedSegments(engine), TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now) });

    private static void Seed(CrmDatabase crm)
    {
        for (var i = 0; i < 6; i++)
        {
            crm.Customers.Create(new Customer($"C{i}", $"Customer {i}") { Tags = i % 2 == 0 ? ["vip"] : [], Birthday = new DateOnly(1990, 11, 27), TimeZone = "Asia/Tokyo" });
            for (var p = 0; p < i; p++)
                crm.Interactions.Record(new Interaction($"C{i}", InteractionKind.Purchase, Channel.Store, Now.AddDays(-10 * p)) { Amount = 100m });
        }
    }

    [Fact]
    public void A_scripted_segment_with_parameters_selects_the_same_customers_as_the_equivalent_filter()
    {
        var engine = new ScriptEngine();
        using var crm = Open(engine);
        Seed(crm);
        crm.Segments.Define(new SegmentDefinition("scripted", "vip spenders", "Customer.HasTag(\"vip\") && Customer.MonetaryTotal >= decimal.Parse(Params.Get<string>(\"min\"), System.Globalization.CultureInfo.InvariantCulture)")
        {
            Parameters = new Dictionary<string, string> { ["min"] = "200" },
        });
        crm.Segments.Define(new SegmentDefinition("filter", "vip spenders", new SegmentFilter(SegmentClause.HasAnyTag("vip"), SegmentClause.Monetary(ClauseOperator.GreaterOrEqual, 200m))));
        crm.Segments.Refresh("scripted");
        crm.Segments.Refresh("filter");
        var scripted = crm.Segments.Members("scripted", PageRequest.First).Items.Select(m => m.Customer).ToArray();
        Assert.Equal(["C2", "C4"], scripted.Select(c => c.Value));
        Assert.Equal(crm.Segments.Members("filter", PageRequest.First).Items.Select(m => m.Customer), scripted);
        var why = crm.Segments.Explain("scripted", "C1");
        Assert.False(why.Matches);
        Assert.Equal("script scripted.csx", Assert.Single(why.Conditions).Condition);
    }

    [Fact]
    public void A_script_that_does_not_compile_is_never_stored()
    {
        using var crm = Open(new ScriptEngine());
        Assert.Throws<ScriptCompilationException>(() => crm.Segments.Define(new SegmentDefinition("bad", "broken", "Customer.NoSuchThing")));
        Assert.Null(crm.Segments.Find("bad"));
    }

    [Fact]
    public void A_care_script_proposes_tasks_under_the_same_contact_policy_and_dedup()
    {
        var engine = new ScriptEngine();
        using var crm = Open(engine);
        Seed(crm);
        var vip = crm.Customers.Get("C0");
        crm.Customers.Update(vip with { Consents = new Dictionary<Channel, Consent> { [Channel.Sms] = new(false, Now) } });
        using var script = engine.CompileCare("""
            if (Customer.HasTag("vip"))
                Care.Propose("vip-call-" + Now.Year, due: Now.AddHours(2), channel: "sms", priority: CarePriority.High, note: "Thank them");
            """, "vip-call.csx");
        var rule = new ScriptedCareRule("vip-call", script);
        var first = crm.Care.Sweep([rule, CareRules.Birthday()], Now);
        var again = crm.Care.Sweep([rule, CareRules.Birthday()], Now);
        Assert.Equal(0, again.Created);
        var c2 = crm.Care.For("C2");
        Assert.Contains(c2, t => t.Rule == "vip-call" && t.Priority == TaskPriority.High && t.OccasionKey == "vip-call:vip-call-2026" && t.Note == "Thank them");
        Assert.Contains(c2, t => t.Rule == "birthday");
        Assert.DoesNotContain(crm.Care.For("C0"), t => t.Channel == Channel.Sms);
        Assert.Contains(crm.Care.Suppressions("C0", "vip-call"), s => s.Reason == SuppressionReason.OptedOut);
        Assert.Equal(first.Created, crm.Care.Tasks(null, PageRequest.First).Items.Count);
        // Quiet hours: 11:00 UTC is 20:00 in Tokyo, before 21:00, so the task stays where the script put it.
        Assert.Equal(Now.AddHours(2), c2.Single(t => t.Rule == "vip-call").Due);
    }

    [Theory]
    [InlineData(ScriptIsolation.Worker)]
    [InlineData(ScriptIsolation.InProcess)]
    public void A_proposal_on_a_channel_that_is_not_a_channel_name_fails_that_customer_and_the_sweep_goes_on(ScriptIsolation isolation)
    {
        var engine = new ScriptEngine(new ScriptEngineOptions { Isolation = isolation });
        using var crm = Open(engine);
        Seed(crm);
        using var script = engine.CompileCare("""
            if (Customer.Code == "C2") Care.Propose("call", channel: "SMS\u001b[2J");
            """, "bad-channel.csx");

        var result = crm.Care.Sweep([new ScriptedCareRule("bad-channel", script), CareRules.Birthday()], Now);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(("bad-channel", new CustomerCode("C2"), "CRM1000"), (failure.Rule, failure.Customer, failure.Kind));
        Assert.Contains("bad-channel.csx(1)", failure.Message);
        Assert.Contains("lower-case letters", failure.Message);
        Assert.Contains(crm.Care.For("C2"), t => t.Rule == "birthday");
    }
}
