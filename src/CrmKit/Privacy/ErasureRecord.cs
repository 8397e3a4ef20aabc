namespace CrmKit;

/// <summary>What an erasure removed. Holds no personal data itself.</summary>
/// <param name="Customer">The erased customer's code (codes carry no personal data).</param>
/// <param name="At">When the data was erased.</param>
/// <param name="Actor">Who erased it.</param>
/// <param name="Reason">Why (for example the reference of the customer's request).</param>
/// <param name="InteractionsScrubbed">How many interactions lost their notes and metadata.</param>
public sealed record ErasureRecord(CustomerCode Customer, DateTimeOffset At, string Actor, string Reason, int InteractionsScrubbed);
