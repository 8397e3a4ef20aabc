using CrmKit.PostgreSql.Tests.Server;

namespace CrmKit.PostgreSql.Tests.Configuration;

/// <summary>A database on PostgreSQL keeps its configuration as a file does: every instance opens it alike, additions are stored, contradictions refused.</summary>
public sealed class StoredConfigurationTests(PostgresDatabase server) : IClassFixture<PostgresDatabase>
{
    private PostgreSqlStoreOptions Store(string schema) => new() { ConnectionString = server.ConnectionString, Schema = schema };

    [Fact]
    public void The_first_open_stores_the_configuration_and_later_instances_open_with_it()
    {
        var policy = ContactPolicy.Default with { MaxPerChannel = 1, QuietStart = new TimeOnly(20, 0) };
        using (PostgreSqlCrm.Open(new CrmOptions { Attributes = AttributeSchema.Empty.Define("age", AttributeType.Integer), ContactPolicy = policy }, Store("config_first"))) { }

        using var other = PostgreSqlCrm.Open(new CrmOptions(), Store("config_first"));
        Assert.Equal(AttributeType.Integer, other.Options.Attributes.Attributes["age"]);
        Assert.Equal(policy, other.Options.ContactPolicy);
    }

    [Fact]
    public void Additions_are_stored_and_a_contradiction_is_refused_naming_the_setting()
    {
        using (PostgreSqlCrm.Open(new CrmOptions { Attributes = AttributeSchema.Empty.Define("age", AttributeType.Integer) }, Store("config_change"))) { }
        using (PostgreSqlCrm.Open(new CrmOptions { Attributes = AttributeSchema.Empty.Define("city", AttributeType.Text) }, Store("config_change"))) { }

        var refused = Assert.Throws<CrmConfigurationException>(() =>
            PostgreSqlCrm.Open(new CrmOptions { Attributes = AttributeSchema.Empty.Define("age", AttributeType.Text) }, Store("config_change")));
        Assert.Equal("attributes.age", refused.Field);

        using var after = PostgreSqlCrm.Open(new CrmOptions(), Store("config_change"));
        Assert.Equal(["age", "city"], after.Options.Attributes.Attributes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_case_policy_is_stored_in_the_configuration_and_later_instances_escalate_with_it()
    {
        var shift = new[] { new WorkingHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(new TimeOnly(13, 0), TimeOnly.MinValue) };
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>> { [DayOfWeek.Monday] = shift, [DayOfWeek.Saturday] = shift }, [new DateOnly(2026, 10, 1)]);
        var policy = new CaseDeadlinePolicy(calendar,
        [
            new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(8), TimeSpan.FromDays(2)),
            new CaseDeadlineRule("complaint", TaskPriority.Urgent, "gold", TimeSpan.FromMinutes(10), TimeSpan.FromHours(4))
            {
                FirstResponseEscalation = new EscalationTarget("supervisor", "lead.wu"),
                ResolutionEscalation = new EscalationTarget(null, "vip.desk"),
            },
        ]);
        using (PostgreSqlCrm.Open(new CrmOptions { CasePolicy = policy }, Store("config_cases"))) { }

        using var other = PostgreSqlCrm.Open(new CrmOptions(), Store("config_cases"));
        var stored = other.Options.CasePolicy;
        Assert.Equal("Asia/Shanghai", stored.Calendar.Zone.Id);
        foreach (var day in Enum.GetValues<DayOfWeek>()) Assert.Equal(calendar.HoursOn(day), stored.Calendar.HoursOn(day));
        Assert.Equal([new DateOnly(2026, 10, 1)], stored.Calendar.Holidays);
        Assert.Equal(policy.Rules, stored.Rules);
    }

    [Fact]
    public void A_read_only_open_stores_nothing()
    {
        using (PostgreSqlCrm.Open(new CrmOptions { ReadOnly = true, Attributes = AttributeSchema.Empty.Define("age", AttributeType.Integer) }, Store("config_read"))) { }
        using var after = PostgreSqlCrm.Open(new CrmOptions(), Store("config_read"));
        Assert.Empty(after.Options.Attributes.Attributes);
    }
}
