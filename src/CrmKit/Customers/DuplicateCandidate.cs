namespace CrmKit;

/// <summary>Two customers that look like the same person or organisation, and why.</summary>
/// <param name="First">One customer (the lower code).</param>
/// <param name="Second">The other customer.</param>
/// <param name="Reasons">What matched, for example <c>same phone</c>, <c>same id-number</c>, <c>similar name</c>.</param>
/// <param name="Score">Strength of the match: 1 per identifying match (phone, email, identity attribute), 0.5 for a similar name.</param>
public sealed record DuplicateCandidate(CustomerCode First, CustomerCode Second, IReadOnlyList<string> Reasons, double Score);
