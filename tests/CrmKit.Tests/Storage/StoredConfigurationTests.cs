using CrmKit.Storage.LiteDb;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage;

/// <summary>
/// A database stores its configuration (attribute schema, stage model, purchase and refund kinds,
/// contact policy) and opens with it whatever options leave unset; given options may add to it, and
/// options that contradict it are refused naming the setting.
/// </summary>
public class StoredConfigurationTests
{
    private static readonly StageModel Pipeline = StageModel.Create("lead", [("lead", "client"), ("client", "lapsed"), ("lapsed", "client")]);

    private static CrmOptions Configured(string path) => CrmOptions.ForNewOrExistingFile(path) with
    {
        Attributes = AttributeSchema.Empty.Define("age", AttributeType.Integer).Define("vehicle", AttributeType.Text),
        Stages = Pipeline,
        PurchaseKinds = new HashSet<InteractionKind> { InteractionKind.Purchase, new("renewal") },
        RefundKinds = new HashSet<InteractionKind> { InteractionKind.Refund },
        ContactPolicy = ContactPolicy.Default with { MaxPerChannel = 1, QuietStart = new TimeOnly(22, 30) },
    };

    [Fact]
    public void Options_that_leave_everything_unset_open_with_the_stored_configuration()
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");
        var made = Configured(path);
        using (CrmDatabase.Open(made)) { }

        using var crm = CrmDatabase.Open(CrmOptions.ForFile(path));

        Assert.Equal(made.Attributes.Attributes, crm.Options.Attributes.Attributes);
        AssertSameModel(Pipeline, crm.Options.Stages);
        Assert.True(made.PurchaseKinds.SetEquals(crm.Options.PurchaseKinds));
        Assert.True(made.RefundKinds.SetEquals(crm.Options.RefundKinds));
        Assert.Equal(made.ContactPolicy, crm.Options.ContactPolicy);
        crm.Customers.Create(new Customer("C-1", "Li Wei") { Attributes = new Dictionary<string, AttributeValue> { ["age"] = AttributeValue.Integer(41) } });
        Assert.Equal(new StageId("lead"), crm.Customers.Get("C-1").Stage);
    }

    [Fact]
    public void Additions_are_stored_and_a_new_contact_policy_replaces_the_stored_one()
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");
        using (CrmDatabase.Open(Configured(path))) { }
        var wider = StageModel.Create("lead", [("lead", "client"), ("client", "lapsed"), ("lapsed", "client"), ("lead", "lost")]);
        var policy = ContactPolicy.Default with { RequireOptIn = true };

        using (CrmDatabase.Open(CrmOptions.ForFile(path) with { Attributes = AttributeSchema.Empty.Define("hobbies", AttributeType.TextList), Stages = wider, ContactPolicy = policy })) { }
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(path));

        Assert.Equal(["age", "hobbies", "vehicle"], crm.Options.Attributes.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.True(crm.Options.Stages.Allows("lead", "lost"));
        Assert.True(crm.Options.Stages.Allows("lapsed", "client"));
        Assert.Equal(policy, crm.Options.ContactPolicy);
    }

    [Theory]
    [InlineData("attribute-type", "attributes.age", "Integer")]
    [InlineData("initial-stage", "stages.initial", "'lead'")]
    [InlineData("missing-stage", "stages", "stage 'lapsed'")]
    [InlineData("missing-transition", "stages.transitions", "'lapsed' → 'client'")]
    [InlineData("purchase-kinds", "purchaseKinds", "'purchase', 'renewal'")]
    [InlineData("refund-kinds", "refundKinds", "'refund'")]
    public void Options_that_contradict_the_stored_configuration_are_refused_and_nothing_is_written(string change, string field, string stored)
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");
        using (CrmDatabase.Open(Configured(path))) { }
        var before = File.ReadAllBytes(path);
        var options = CrmOptions.ForFile(path);
        options = change switch
        {
            "attribute-type" => options with { Attributes = AttributeSchema.Empty.Define("age", AttributeType.Text) },
            "initial-stage" => options with { Stages = StageModel.Create("client", [("client", "lead"), ("client", "lapsed"), ("lapsed", "client"), ("lead", "client")]) },
            "missing-stage" => options with { Stages = StageModel.Create("lead", [("lead", "client")]) },
            "missing-transition" => options with { Stages = StageModel.Create("lead", [("lead", "client"), ("client", "lapsed")]) },
            "purchase-kinds" => options with { PurchaseKinds = new HashSet<InteractionKind> { InteractionKind.Purchase } },
            _ => options with { RefundKinds = new HashSet<InteractionKind> { InteractionKind.Refund, new("chargeback") } },
        };

        var error = Assert.Throws<CrmConfigurationException>(() => CrmDatabase.Open(options));

        Assert.Equal(field, error.Field);
        Assert.Equal(stored, error.Stored);
        Assert.StartsWith($"{field}: the database stores {stored}, but the options give", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(files.PathOf("crm-log.db")));
    }

    [Fact]
    public void A_file_written_before_configurations_were_stored_is_migrated_with_the_options_it_is_opened_with()
    {
        using var db = TestDatabase.OnFile(o => o with { Stages = Pipeline });
        db.SeedCustomers(2);
        var lite = (LiteStore)db.Crm.Store;
        lite.Write(() => lite.Meta.Delete("configuration"));
        db.Crm.Dispose();

        using (var migrated = CrmDatabase.Open(CrmOptions.ForFile(db.FilePath) with { Stages = Pipeline, Attributes = Generators.Schema })) { }
        using var plain = CrmDatabase.Open(CrmOptions.ForFile(db.FilePath) with { ReadOnly = true });

        AssertSameModel(Pipeline, plain.Options.Stages);
        Assert.Equal(Generators.Schema.Attributes, plain.Options.Attributes.Attributes);
        Assert.Equal(2, plain.Customers.All(PageRequest.First).Items.Count);
    }

    [Property(MaxTest = 30)]
    public Property Any_configuration_reopens_the_same_with_options_that_leave_it_unset() =>
        Prop.ForAll(
            (from attributes in Gen.SubListOf(Generators.Schema.Attributes.ToArray())
             from stages in Gen.Choose(2, 6)
             from extra in Gen.Elements("renewal", "top-up", "service-visit").ListOf()
             from caps in Gen.Choose(1, 9)
             from quiet in Gen.Choose(0, 23)
             from optIn in Gen.Elements(true, false)
             select (attributes, stages, extra, caps, quiet, optIn)).ToArbitrary(),
            input =>
            {
                var schema = input.attributes.Aggregate(AttributeSchema.Empty, (s, a) => s.Define(a.Key, a.Value));
                var model = StageModel.Create("s0", Enumerable.Range(1, input.stages - 1).Select(i => (new StageId($"s{i - 1}"), new StageId($"s{i}"))).Append(("s1", "s0")));
                var given = CrmOptions.InMemory() with
                {
                    Attributes = schema,
                    Stages = model,
                    PurchaseKinds = input.extra.Select(k => new InteractionKind(k)).Append(InteractionKind.Purchase).ToHashSet(),
                    ContactPolicy = ContactPolicy.Default with { MaxPerChannel = input.caps, QuietEnd = new TimeOnly(input.quiet, 0), RequireOptIn = input.optIn },
                };
                using var files = new DatabaseFiles();
                var path = files.PathOf("crm.db");
                using (CrmDatabase.Open(given with { FilePath = path, CreateIfMissing = true })) { }
                using var crm = CrmDatabase.Open(CrmOptions.ForFile(path));
                return (crm.Options.Attributes.Attributes.OrderBy(a => a.Key).SequenceEqual(schema.Attributes.OrderBy(a => a.Key))).Label("attributes")
                    .And(SameModel(model, crm.Options.Stages)).Label("stages")
                    .And(crm.Options.PurchaseKinds.SetEquals(given.PurchaseKinds)).Label("purchase kinds")
                    .And(crm.Options.ContactPolicy == given.ContactPolicy).Label($"policy {crm.Options.ContactPolicy} vs {given.ContactPolicy}");
            });

    [Fact]
    public void A_case_policy_is_stored_and_every_later_open_keeps_its_deadlines_and_escalations()
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");
        var policy = CallCentrePolicy();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
        using (CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path) with { CasePolicy = policy, TimeProvider = clock })) { }

        using (var crm = CrmDatabase.Open(CrmOptions.ForFile(path) with { TimeProvider = clock }))
        {
            AssertSamePolicy(policy, crm.Options.CasePolicy);
            crm.Customers.Create(new Customer("C-1", "Li Wei"));
            var opened = crm.Cases.Open("C-1", "complaint", TaskPriority.Urgent, "Charged twice", Channel.Phone, "desk");
            Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 10, 0, TimeSpan.FromHours(8)), opened.FirstResponseDue);
            clock.Advance(TimeSpan.FromMinutes(11));
            var escalated = Assert.Single(crm.Cases.Escalate());
            Assert.Equal(("supervisor", "lead.wu"), (escalated.Level, escalated.Owner));
        }

        // A new policy replaces the stored one; the default comes back only when given.
        using (CrmDatabase.Open(CrmOptions.ForFile(path) with { CasePolicy = CaseBook.DefaultPolicy })) { }
        using var after = CrmDatabase.Open(CrmOptions.ForFile(path) with { ReadOnly = true });
        AssertSamePolicy(CaseBook.DefaultPolicy, after.Options.CasePolicy);
    }

    /// <summary>Urgent complaints answered in 10 minutes of a Shanghai working day with a lunch break, a holiday, and escalations.</summary>
    internal static CaseDeadlinePolicy CallCentrePolicy()
    {
        var shift = new[] { new WorkingHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(new TimeOnly(13, 0), new TimeOnly(18, 0)) };
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>
        {
            [DayOfWeek.Monday] = shift, [DayOfWeek.Tuesday] = shift, [DayOfWeek.Wednesday] = shift, [DayOfWeek.Thursday] = shift, [DayOfWeek.Friday] = shift,
            [DayOfWeek.Saturday] = [new WorkingHours(new TimeOnly(18, 0), TimeOnly.MinValue)],
        };
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), week, [new DateOnly(2026, 10, 1)]);
        return new CaseDeadlinePolicy(calendar,
        [
            new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(8), TimeSpan.FromDays(2)),
            new CaseDeadlineRule("complaint", TaskPriority.Urgent, null, TimeSpan.FromMinutes(10), TimeSpan.FromHours(4))
            {
                FirstResponseEscalation = new EscalationTarget("supervisor", "lead.wu"),
                ResolutionEscalation = new EscalationTarget("manager"),
            },
            new CaseDeadlineRule("complaint", null, "gold", TimeSpan.FromHours(1), TimeSpan.FromHours(8)) { ResolutionEscalation = new EscalationTarget(null, "vip.desk") },
        ]);
    }

    internal static void AssertSamePolicy(CaseDeadlinePolicy expected, CaseDeadlinePolicy actual)
    {
        Assert.Equal(expected.Calendar.Zone.Id, actual.Calendar.Zone.Id);
        foreach (var day in Enum.GetValues<DayOfWeek>()) Assert.Equal(expected.Calendar.HoursOn(day), actual.Calendar.HoursOn(day));
        Assert.Equal(expected.Calendar.Holidays.Order(), actual.Calendar.Holidays.Order());
        Assert.Equal(expected.Rules, actual.Rules);
    }

    private static void AssertSameModel(StageModel expected, StageModel actual) => Assert.True(SameModel(expected, actual), "the stage models differ");

    private static bool SameModel(StageModel a, StageModel b) =>
        a.Initial == b.Initial && a.Stages.SequenceEqual(b.Stages)
        && a.Stages.All(s => a.AllowedFrom(s).Select(t => t.Name).Order(StringComparer.Ordinal).SequenceEqual(b.AllowedFrom(s).Select(t => t.Name).Order(StringComparer.Ordinal)));
}
