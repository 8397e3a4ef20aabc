namespace CrmKit;

/// <summary>What the attribution found for one assigned customer within the campaign's attribution window.</summary>
/// <param name="Responded">True when something that counts as a response happened in the window.</param>
/// <param name="FirstResponseAt">When the first response happened; null when none did.</param>
/// <param name="Accepted">True when the campaign's task was closed with the accepted outcome in the window.</param>
/// <param name="Revenue">The sum of the revenue kinds' amounts in the window (refunds negative).</param>
internal sealed record AttributedResponse(bool Responded, DateTimeOffset? FirstResponseAt, bool Accepted, decimal Revenue);
