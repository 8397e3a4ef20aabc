namespace CrmKit.Hosting.Tests.Telemetry;

/// <summary>Proposes one text to every customer, so a sweep creates tasks and the contact policy holds some back.</summary>
internal sealed class TextEveryone : ICareRule
{
    public string Name => "text-everyone";

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) => [new CareAction("spring-offer", now, Channel.Sms)];
}

/// <summary>Throws for one customer, so a sweep counts a script failure and goes on.</summary>
internal sealed class FailsFor(string code) : ICareRule
{
    public string Name => "fails-for-one";

    public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) =>
        customer.Customer.Code.Value == code ? throw new InvalidOperationException($"no data for {code}") : [];
}
