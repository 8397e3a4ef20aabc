namespace CrmKit;

/// <summary>What a counted event can be cut by: the owner, channel, campaign and segments it belongs to.</summary>
/// <param name="Owner">The responsible member of staff, if any.</param>
/// <param name="Channel">The channel, if any.</param>
/// <param name="Campaign">The campaign's id, if any.</param>
/// <param name="Segments">The segments the customer was in.</param>
internal sealed record RateContext(string? Owner = null, Channel? Channel = null, string? Campaign = null, IReadOnlyList<string>? Segments = null)
{
    /// <summary>A context with nothing to cut by.</summary>
    public static RateContext None { get; } = new();
}
