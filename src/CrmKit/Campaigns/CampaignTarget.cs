namespace CrmKit;

/// <summary>
/// Who a campaign is for: a stored segment named by <see cref="Segment"/>, a built-in
/// <see cref="Filter"/>, or a segment script named by <see cref="Script"/>. Exactly one of the three
/// is set, matching <see cref="Kind"/>. Create one with <see cref="OfSegment"/>, <see cref="OfFilter"/>
/// or <see cref="OfScript"/>. Immutable.
/// </summary>
public sealed record CampaignTarget
{
    private CampaignTarget(CampaignTargetKind kind, string? segment, SegmentFilter? filter, string? script)
    {
        Kind = kind;
        Segment = segment;
        Filter = filter;
        Script = script;
    }

    /// <summary>Which of the three ways the audience is chosen.</summary>
    public CampaignTargetKind Kind { get; }

    /// <summary>The stored segment's name, for <see cref="CampaignTargetKind.Segment"/>; null otherwise.</summary>
    public string? Segment { get; }

    /// <summary>The built-in filter, for <see cref="CampaignTargetKind.Filter"/>; null otherwise.</summary>
    public SegmentFilter? Filter { get; }

    /// <summary>The script's reference (its stored name), for <see cref="CampaignTargetKind.Script"/>; null otherwise.</summary>
    public string? Script { get; }

    /// <summary>Targets the members of the stored segment <paramref name="name"/>.</summary>
    /// <exception cref="CrmValidationException">The name is not a valid segment name (lower-case letters, digits, '-', '_', '.').</exception>
    public static CampaignTarget OfSegment(string name) => new(CampaignTargetKind.Segment, Require.Identifier(name, "target.segment"), null, null);

    /// <summary>Targets the customers <paramref name="filter"/> matches.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public static CampaignTarget OfFilter(SegmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(CampaignTargetKind.Filter, null, filter, null);
    }

    /// <summary>Targets the customers the segment script stored as <paramref name="reference"/> selects.</summary>
    /// <exception cref="CrmValidationException">The reference is not a valid name.</exception>
    public static CampaignTarget OfScript(string reference) => new(CampaignTargetKind.Script, null, null, Require.Identifier(reference, "target.script"));

    /// <summary>Equal when the kind and the segment, script or filter clauses (in order) are equal.</summary>
    public bool Equals(CampaignTarget? other) =>
        other is not null && Kind == other.Kind && Segment == other.Segment && Script == other.Script
        && (Filter is null ? other.Filter is null : other.Filter is not null && Filter.Clauses.SequenceEqual(other.Filter.Clauses));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Segment, Script, Filter?.Clauses.Count);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        CampaignTargetKind.Segment => $"segment '{Segment}'",
        CampaignTargetKind.Filter => $"filter: {Filter}",
        _ => $"script '{Script}'",
    };
}
