using CrmKit;

namespace CrmKit.Samples;

/// <summary>Prepaid balance bands and tenure bands, each band a segment.</summary>
internal static class Bands
{
    /// <summary>Balance bands for prepaid lines, lowest first: segment name and the balance range.</summary>
    public static readonly (string Segment, decimal? From, decimal? Below)[] Balance =
        [("prepaid-balance-under-10", null, 10m), ("prepaid-balance-10-to-50", 10m, 50m), ("prepaid-balance-50-plus", 50m, null)];

    /// <summary>Tenure bands, shortest first: segment name and the years since joining.</summary>
    public static readonly (string Segment, int FromYears, int? BelowYears)[] Tenure =
        [("tenure-under-1y", 0, 1), ("tenure-1-to-3y", 1, 3), ("tenure-3y-plus", 3, null)];

    /// <summary>Defines the band segments: balance bands by filter, tenure bands by script (they depend on today's date).</summary>
    public static void Define(CrmDatabase crm)
    {
        foreach (var (segment, from, below) in Balance)
        {
            var clauses = new List<SegmentClause> { SegmentClause.AttributeIs("plan", ClauseOperator.Equal, AttributeValue.Text("prepaid")) };
            if (from is { } f) clauses.Add(SegmentClause.AttributeIs("balance", ClauseOperator.GreaterOrEqual, AttributeValue.Decimal(f)));
            if (below is { } b) clauses.Add(SegmentClause.AttributeIs("balance", ClauseOperator.Less, AttributeValue.Decimal(b)));
            crm.Segments.Define(new SegmentDefinition(segment, $"prepaid balance {from?.ToString() ?? "0"} to {below?.ToString() ?? "any"}", new SegmentFilter([.. clauses])));
        }
        foreach (var (segment, from, below) in Tenure)
        {
            var joinedBy = $"Customer.Date(\"joined\") is DateOnly joined && joined.AddYears({from}) <= DateOnly.FromDateTime(Now.UtcDateTime)";
            var notYet = below is { } b ? $" && joined.AddYears({b}) > DateOnly.FromDateTime(Now.UtcDateTime)" : "";
            crm.Segments.Define(new SegmentDefinition(segment, $"customer for {from} to {below?.ToString() ?? "more"} years", joinedBy + notYet));
        }
    }

    /// <summary>The prepaid balance band a customer is in, or null (postpaid).</summary>
    public static string? BalanceBandOf(CrmDatabase crm, CustomerCode code) => BandOf(crm, code, Balance.Select(b => b.Segment));

    /// <summary>The tenure band a customer is in.</summary>
    public static string? TenureBandOf(CrmDatabase crm, CustomerCode code) => BandOf(crm, code, Tenure.Select(t => t.Segment));

    private static string? BandOf(CrmDatabase crm, CustomerCode code, IEnumerable<string> bands)
    {
        var segments = crm.Segments.Of(code).Select(m => m.Segment).ToHashSet(StringComparer.Ordinal);
        return bands.FirstOrDefault(segments.Contains);
    }
}
