using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Scripting.Tests.Globals;

/// <summary>
/// What scripts see beyond the profile: interaction metadata, memberships of other segments, open
/// tasks and the grade's review, the same in process and through a worker, loaded only for the
/// scripts that read them.
/// </summary>
public class RicherViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly ScriptEngine InProcess = new(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess, TimeBudget = TimeSpan.FromSeconds(20) });
    private static readonly ScriptEngine Worker = new(new ScriptEngineOptions { TimeBudget = TimeSpan.FromSeconds(20), WorkerBatchTimeLimit = TimeSpan.FromMinutes(2) });

    public static TheoryData<string> Modes => ["in-process", "worker"];

    private static ScriptEngine Engine(string mode) => mode == "worker" ? Worker : InProcess;

    [Theory]
    [InlineData("Customer.Last(\"survey\", \"nps\") == \"9\"", (byte)ViewParts.Metadata)]
    [InlineData("Customer.Sum(\"top-up\", \"amount\", Now.AddDays(-30)) > 100m", (byte)ViewParts.Metadata)]
    [InlineData("Customer.InSegment(\"vip\")", (byte)ViewParts.Segments)]
    [InlineData("Customer.OpenTasks == 0 && Customer.HasTag(\"vip\")", (byte)(ViewParts.FollowUp | ViewParts.Tags))]
    [InlineData("Customer.GradeAge(Now) > TimeSpan.FromDays(180)", (byte)ViewParts.FollowUp)]
    [InlineData("Customer.Tags.Count() > 1", (byte)ViewParts.Tags)]
    public void A_script_that_reads_the_new_parts_is_sent_them_and_one_that_does_not_is_not(string source, byte expected)
    {
        var (result, image) = ScriptCompiler.Compile(source, ScriptKind.Segment, "parts.csx", ScriptEngine.KeyOf(source, ScriptKind.Segment), emit: true);
        Assert.True(result.IsAccepted, string.Join("\n", result.Diagnostics));
        Assert.Equal((ViewParts)expected, image!.Reads);
    }

    [Fact]
    public void The_needs_name_the_segments_and_kinds_a_script_reads_and_nothing_for_a_plain_script()
    {
        using var both = InProcess.CompileSegment("Customer.InSegment(\"vip\") && Customer.LastNumber(\"survey\", \"nps\") >= 9 && Customer?.Count(\"visit\", \"rating\", Now) > 0", "a.csx");
        Assert.Equal(["vip"], both.Needs.Segments);
        Assert.Equal(new HashSet<InteractionKind> { "survey", "visit" }, both.Needs.MetadataKinds);
        Assert.True(both.Needs.InteractionMetadata);
        Assert.False(both.Needs.AllSegments || both.Needs.OpenTasks);

        using var unknown = InProcess.CompileSegment("var kind = \"survey\";\nreturn Customer.InSegment(Params.Get<string>(\"s\")) && Customer.Last(kind, \"nps\") != null;", "b.csx");
        Assert.True(unknown.Needs.AllSegments);
        Assert.Null(unknown.Needs.MetadataKinds);

        using var plain = InProcess.CompileSegment("Customer.Tags.Count() > 1 && Customer.MonetaryTotal > 10m", "c.csx");
        Assert.True(plain.Needs.IsNone);
        using var tasks = InProcess.CompileSegment("Customer.OpenTasksOf(\"birthday\") > 0", "d.csx");
        Assert.False(tasks.Needs.IsNone);
        Assert.True(tasks.Needs.OpenTasks);
    }

    private static CustomerSnapshot Snapshot()
    {
        // The grade's review time is kept by CrmKit: grade the customer 200 days before Now.
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with { TimeProvider = new FakeTimeProvider(Now.AddDays(-200)) });
        var customer = crm.Customers.Create(new Customer("C1", "王芳") { Grade = "A", Tags = ["vip"] });
        var interaction = (string kind, int daysAgo, (string, string)[] metadata) =>
            new Interaction("C1", kind, Channel.App, Now.AddDays(-daysAgo)) { Metadata = metadata.ToDictionary(m => m.Item1, m => m.Item2) };
        return new CustomerSnapshot(customer, CustomerStats.Empty)
        {
            InteractionsWithMetadata =
            [
                interaction("survey", 100, [("nps", "6"), ("是否會推薦", "否")]),
                interaction("top-up", 40, [("amount", "80")]),
                interaction("top-up", 20, [("amount", "50.5")]),
                interaction("top-up", 10, [("amount", "not a number")]),
                interaction("survey", 5, [("nps", "9"), ("是否會推薦", "是")]),
            ],
            Segments = new HashSet<string>(StringComparer.Ordinal) { "vip", "premium" },
            OpenTasks = [new CareTask { Customer = "C1", Rule = "birthday", Status = CareTaskStatus.Open }, new CareTask { Customer = "C1", Rule = "birthday", Status = CareTaskStatus.Open },
                new CareTask { Customer = "C1", Rule = "churn-warning", Status = CareTaskStatus.Open }],
        };
    }

    [Theory]
    [InlineData("Customer.Last(\"survey\", \"nps\") == \"9\"")]
    [InlineData("Customer.Last(\"survey\", \"是否會推薦\") == \"是\"")]
    [InlineData("Customer.LastNumber(\"survey\", \"nps\") == 9m")]
    [InlineData("Customer.Last(\"survey\", \"missing\") == null && Customer.Last(\"visit\", \"nps\") == null")]
    [InlineData("Customer.Count(\"top-up\", \"amount\", Now.AddDays(-30)) == 1")]
    [InlineData("Customer.Count(\"top-up\", \"amount\", Now.AddDays(-60), Now.AddDays(-15)) == 2")]
    [InlineData("Customer.Sum(\"top-up\", \"amount\", Now.AddDays(-60)) == 130.5m")]
    [InlineData("Customer.Sum(\"survey\", \"nps\", Now.AddDays(-365)) == 15m")]
    [InlineData("Customer.InSegment(\"vip\") && Customer.InSegment(\"premium\") && !Customer.InSegment(\"lapsed\")")]
    [InlineData("Customer.OpenTasks == 3 && Customer.OpenTasksOf(\"birthday\") == 2 && Customer.OpenTasksOf(\"welcome\") == 0")]
    [InlineData("Customer.GradeReviewedAt == Now.AddDays(-200) && Customer.GradeAge(Now) == TimeSpan.FromDays(200)")]
    public void Each_new_member_answers_from_the_snapshot_in_process_and_through_a_worker(string source)
    {
        foreach (var mode in new[] { "in-process", "worker" })
        {
            using var script = Engine(mode).CompileSegment(source, "member.csx");
            var view = new CustomerView(Snapshot());
            Assert.True(script.Evaluate(view, new ScriptContext(Now, null)), $"{mode}: {source}");
            Assert.True(Assert.Single(script.EvaluateAll([view], new ScriptContext(Now, null))).Value, $"{mode}, batch: {source}");
        }
    }

    [Fact]
    public void A_view_built_without_the_extras_answers_empty_and_the_wire_carries_nothing_for_scripts_that_do_not_read_them()
    {
        var plain = new CustomerView(Snapshot().Customer, CustomerStats.Empty);
        Assert.Null(plain.Last("survey", "nps"));
        Assert.False(plain.InSegment("vip"));
        Assert.Equal(0, plain.OpenTasks);
        Assert.Equal(Now.AddDays(-200), plain.GradeReviewedAt);

        var rich = new CustomerView(Snapshot()).Parts;
        var bare = plain.Parts;
        foreach (var parts in new[] { ViewParts.None, ViewParts.Tags, ViewParts.Tags | ViewParts.Value })
            Assert.Equal(Bytes(bare, parts), Bytes(rich, parts));
        Assert.NotEqual(Bytes(bare, ViewParts.Metadata), Bytes(rich, ViewParts.Metadata));

        var back = Read(Bytes(rich, ViewParts.All), ViewParts.All);
        Assert.Equal(rich.Extras.Segments.Order(StringComparer.Ordinal), back.Extras.Segments.Order(StringComparer.Ordinal));
        Assert.Equal(rich.Extras.Annotations.Select(a => (a.Kind, a.At, string.Join(",", a.Metadata))), back.Extras.Annotations.Select(a => (a.Kind, a.At, string.Join(",", a.Metadata))));
        Assert.Equal(rich.Extras.OpenTasks, back.Extras.OpenTasks);
        Assert.Equal(rich.GradeReviewedAt, back.GradeReviewedAt);
    }

    private static byte[] Bytes(CustomerParts parts, ViewParts which)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) w.WriteCustomer(parts, which);
        return stream.ToArray();
    }

    private static CustomerParts Read(byte[] bytes, ViewParts which)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return r.ReadCustomer(which);
    }

    private static CrmDatabase Open(ScriptEngine engine) =>
        CrmDatabase.Open(CrmOptions.InMemory() with { SegmentScripts = new ScriptedSegments(engine), TimeProvider = new FakeTimeProvider(Now) });

    [Theory]
    [MemberData(nameof(Modes))]
    public void Segments_driven_by_survey_answers_and_by_other_segments_refresh_in_dependency_order(string mode)
    {
        using var crm = Open(Engine(mode));
        for (var i = 0; i < 6; i++) crm.Customers.Create(new Customer($"C{i}", $"Customer {i}") { Tags = i < 3 ? ["vip"] : [] });
        for (var i = 0; i < 6; i++)
        {
            crm.Interactions.Record(new Interaction($"C{i}", "survey", Channel.Email, Now.AddDays(-30)) { Metadata = new Dictionary<string, string> { ["nps"] = "3" } });
            crm.Interactions.Record(new Interaction($"C{i}", "survey", Channel.Email, Now.AddDays(-i)) { Metadata = new Dictionary<string, string> { ["nps"] = (5 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }
        // Named so that an alphabetical refresh would run the dependent segment first.
        crm.Segments.Define(new SegmentDefinition("a-vip-promoters", "vip and promoter", "Customer.InSegment(\"vip\") && Customer.InSegment(\"promoters\")"));
        crm.Segments.Define(new SegmentDefinition("promoters", "answered 9 or 10", "Customer.LastNumber(\"survey\", \"nps\") >= 9"));
        crm.Segments.Define(new SegmentDefinition("vip", "tagged vip", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));

        var results = crm.Segments.RefreshAll();

        Assert.Equal(["promoters", "vip", "a-vip-promoters"], results.Select(r => r.Segment));
        Assert.Equal(["C4", "C5"], Members(crm, "promoters"));
        Assert.Empty(Members(crm, "a-vip-promoters"));
        var c2 = crm.Customers.Get("C2");
        crm.Interactions.Record(new Interaction("C2", "survey", Channel.Email, Now) { Metadata = new Dictionary<string, string> { ["nps"] = "10" } });
        crm.Segments.RefreshAll(changedOnly: true);
        Assert.Equal(["C2"], Members(crm, "a-vip-promoters"));
        Assert.True(crm.Segments.Explain("a-vip-promoters", "C2").Matches);
        Assert.NotNull(c2);
    }

    private static string[] Members(CrmDatabase crm, string segment) =>
        [.. crm.Segments.Members(segment, PageRequest.First).Items.Select(m => m.Customer.Value)];

    [Fact]
    public void A_segment_that_would_read_itself_directly_or_in_a_circle_or_without_naming_what_it_reads_is_refused()
    {
        using var crm = Open(InProcess);
        crm.Segments.Define(new SegmentDefinition("a", "reads b", "Customer.InSegment(\"b\")"));
        crm.Segments.Define(new SegmentDefinition("c", "reads a", "Customer.InSegment(\"a\")"));

        var circle = Assert.Throws<CrmValidationException>(() => crm.Segments.Define(new SegmentDefinition("b", "reads c", "Customer.InSegment(\"c\") || Customer.HasTag(\"x\")")));
        Assert.Contains("'a' → 'b' → 'c' → 'a'", circle.Message);
        Assert.Throws<CrmValidationException>(() => crm.Segments.Define(new SegmentDefinition("d", "reads itself", "Customer.InSegment(\"d\")")));
        var unnamed = Assert.Throws<CrmValidationException>(() => crm.Segments.Define(new SegmentDefinition("e", "reads a parameter", "Customer.InSegment(Params.Get<string>(\"s\"))")));
        Assert.Contains("string literal", unnamed.Message);
        Assert.Equal(["a", "c"], crm.Segments.All().Select(s => s.Name));
        crm.Segments.Define(new SegmentDefinition("b", "reads nothing", "Customer.HasTag(\"x\")"));
        Assert.Equal(3, crm.Segments.RefreshAll().Count);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_scripted_stage_rule_moves_customers_its_script_selects_and_reports_a_move_the_model_does_not_allow(string mode)
    {
        using var crm = Open(Engine(mode));
        for (var i = 0; i < 3; i++) crm.Customers.Create(new Customer($"C{i}", $"Customer {i}"), initialStage: i == 2 ? "prospect" : "growing");
        for (var i = 0; i < 3; i++)
            for (var p = 0; p <= i * 2; p++) crm.Interactions.Record(new Interaction($"C{i}", InteractionKind.Purchase, Channel.Store, Now.AddDays(-p)) { Amount = 10m });
        using var script = Engine(mode).CompileSegment("Customer.Frequency >= 2", "stages/regular.csx");
        var rule = new ScriptedStageRule("regular", script, "mature");

        var run = crm.Lifecycle.ApplyRules([rule]);

        Assert.Equal([("C1", "mature")], run.Changes.Select(c => (c.Customer.Value, c.To.Name)));
        Assert.Equal("rule regular", run.Changes[0].Reason);
        var refused = Assert.Single(run.Reports);
        Assert.Equal((StageRuleOutcome.NotAllowed, "C2", "prospect"), (refused.Outcome, refused.Customer.Value, refused.From.Name));
        Assert.Empty(crm.Lifecycle.ApplyRules([rule]).Changes);
    }
}
