namespace CrmKit;

/// <summary>What a rate is cut by.</summary>
public enum RateDimension
{
    /// <summary>No cut: one row, <c>all</c>.</summary>
    All,

    /// <summary>By segment; a customer in several segments counts in each, one in none under <c>(none)</c>.</summary>
    Segment,

    /// <summary>By owner (the responsible member of staff).</summary>
    Owner,

    /// <summary>By channel (for attempts, the channel actually used).</summary>
    Channel,

    /// <summary>By campaign.</summary>
    Campaign,

    /// <summary>By calendar period of the counted event, in a named time zone.</summary>
    Period,
}
