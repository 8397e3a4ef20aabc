namespace CrmKit.Storage;

/// <summary>A stored customer with the stats kept beside it.</summary>
/// <param name="Customer">The stored profile.</param>
/// <param name="Stats">The stats kept from the customer's interactions.</param>
public sealed record CustomerRecord(Customer Customer, CustomerStats Stats);
