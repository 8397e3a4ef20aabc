namespace CrmKit;

/// <summary>A salesperson's claim on a customer or lead, exclusive until <see cref="Until"/>.</summary>
/// <param name="Customer">The claimed customer.</param>
/// <param name="Salesperson">Who holds the claim; also becomes the customer's owner.</param>
/// <param name="At">When the claim was made.</param>
/// <param name="Until">Until when no other salesperson may claim the customer.</param>
public sealed record Claim(CustomerCode Customer, string Salesperson, DateTimeOffset At, DateTimeOffset Until);
