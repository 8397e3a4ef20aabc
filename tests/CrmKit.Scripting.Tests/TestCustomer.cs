using CrmKit.Scripting;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Scripting.Tests;

/// <summary>
/// The fixed customer every corpus script is evaluated against, built through the public CrmKit
/// API on an in-memory database so its stage and stats are the real thing.
/// </summary>
public static class TestCustomer
{
    /// <summary>The instant scripts see as Now: Monday 10 March 2025, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<CustomerView> Lazy = new(Build);

    public static CustomerView View => Lazy.Value;

    public static ScriptContext Context(ScriptParameters? parameters = null) => new(Now, parameters ?? Parameters);

    public static ScriptParameters Parameters { get; } = new(new Dictionary<string, object?>
    {
        ["threshold"] = 1000m,
        ["campaign"] = "spring",
        ["minAge"] = 30L,
    });

    private static CustomerView Build()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 1, 5, 10, 0, 0, TimeSpan.Zero));
        var schema = AttributeSchema.Empty
            .Define("age", AttributeType.Integer)
            .Define("occupation", AttributeType.Text)
            .Define("income", AttributeType.Decimal)
            .Define("last_service", AttributeType.Date)
            .Define("vehicles", AttributeType.TextList);
        using var crm = CrmDatabase.Open(CrmOptions.InMemory() with { TimeProvider = clock, Attributes = schema });
        crm.Customers.Create(new Customer("C-001", "Ana Lima")
        {
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["age"] = AttributeValue.Integer(42),
                ["occupation"] = AttributeValue.Text("Engineer"),
                ["income"] = AttributeValue.Decimal(85000.50m),
                ["last_service"] = AttributeValue.Date(new DateOnly(2024, 9, 1)),
                ["vehicles"] = AttributeValue.TextList(["Civic", "CR-V"]),
            },
            Tags = ["vip", "newsletter", "car-owner"],
            ContactPoints = [ContactPoint.Email("ana@example.com"), ContactPoint.Phone("+351 912 345 678")],
            Consents = new Dictionary<Channel, Consent>
            {
                [Channel.Email] = new(true, clock.GetUtcNow()),
                [Channel.Sms] = new(false, clock.GetUtcNow()),
            },
            Owner = "maria",
            Grade = "A",
            Group = new CustomerGroup(CustomerGroupKind.Household, "H-7"),
            Birthday = new DateOnly(1983, 3, 14),
            TimeZone = "Europe/Lisbon",
        }, initialStage: "mature");
        var code = new CustomerCode("C-001");
        crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Store, new DateTimeOffset(2023, 2, 1, 10, 0, 0, TimeSpan.Zero)) { Amount = 120m });
        crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Web, new DateTimeOffset(2024, 6, 15, 18, 30, 0, TimeSpan.Zero)) { Amount = 480.50m });
        crm.Interactions.Record(new Interaction(code, InteractionKind.Purchase, Channel.Store, new DateTimeOffset(2025, 1, 20, 11, 0, 0, TimeSpan.Zero)) { Amount = 1500m });
        crm.Interactions.Record(new Interaction(code, InteractionKind.Complaint, Channel.Phone, new DateTimeOffset(2025, 2, 2, 9, 0, 0, TimeSpan.Zero)));
        crm.Interactions.Record(new Interaction(code, InteractionKind.ServiceVisit, Channel.Store, new DateTimeOffset(2025, 2, 20, 9, 0, 0, TimeSpan.Zero)));
        return new CustomerView(crm.Customers.Get(code), crm.Interactions.Stats(code));
    }
}
