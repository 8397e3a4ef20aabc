using CrmKit.Value;

namespace CrmKit.Scripting.Tests.Rules;

/// <summary>The figures of the latest stored value fit reach scripts and the built-in value-tier clause.</summary>
public class ValueInRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scripts_and_the_value_tier_clause_read_the_latest_fit()
    {
        var engine = new ScriptEngine();
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with
        {
            SegmentScripts = new ScriptedSegments(engine),
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
        });
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            crm.Customers.Create(new Customer($"C{i:D2}", $"Customer {i}"));
            var purchases = random.Next(1, 8);
            for (var p = 0; p < purchases; p++)
                crm.Interactions.Record(new Interaction($"C{i:D2}", InteractionKind.Purchase, Channel.Web, Now.AddDays(-random.Next(1, 360))) { Amount = random.Next(10, 500) });
        }
        crm.Segments.Define(new SegmentDefinition("likely-active", "fitted probability alive above a half",
            "Customer.ProbabilityAlive is double p && p > 0.5 && Customer.ValueTier != null && Customer.Rfm!.Length == 3"));
        crm.Segments.Define(new SegmentDefinition("top", "top fitted tiers", new SegmentFilter(SegmentClause.ValueTierIn("platinum", "gold"))));

        crm.Segments.Refresh("likely-active");
        Assert.Empty(crm.Segments.Members("likely-active", PageRequest.First).Items); // no fit yet: no figures

        crm.Value.Fit(DateOnly.FromDateTime(Now.UtcDateTime));
        crm.Segments.Refresh("likely-active");
        crm.Segments.Refresh("top");

        var values = crm.Value.All().ToDictionary(v => v.CustomerCode);
        var expectedActive = values.Values.Where(v => v.ProbabilityAlive > 0.5).Select(v => v.CustomerCode).Order(StringComparer.Ordinal);
        var expectedTop = values.Values.Where(v => v.Tier.Name is "platinum" or "gold").Select(v => v.CustomerCode).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expectedTop);
        Assert.Equal(expectedActive, crm.Segments.Members("likely-active", new PageRequest(0, 1_000)).Items.Select(m => m.Customer.Value));
        Assert.Equal(expectedTop, crm.Segments.Members("top", new PageRequest(0, 1_000)).Items.Select(m => m.Customer.Value));
    }
}
