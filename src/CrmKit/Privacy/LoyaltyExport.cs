using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Loyalty;

namespace CrmKit;

/// <summary>The loyalty sections of a customer's export: the points ledger and the referrals.</summary>
internal static class LoyaltyExport
{
    internal static JsonArray Ledger(IReadOnlyList<LedgerEntry> entries) =>
        new([.. entries.Select(e => (JsonNode?)new JsonObject
        {
            ["sequence"] = e.Sequence,
            ["kind"] = e.Kind.ToString(),
            ["points"] = e.Points,
            ["at"] = Instant(e.At),
            ["source"] = e.Source.ToString(),
            ["actor"] = e.Actor,
            ["rule"] = e.Rule,
            ["note"] = e.Note,
        })]);

    internal static JsonArray Referrals(IReadOnlyList<Referral> referrals) =>
        new([.. referrals.Select(r => (JsonNode?)new JsonObject
        {
            ["referrer"] = r.Referrer.Value,
            ["referred"] = r.Referred.Value,
            ["at"] = Instant(r.At),
            ["staff"] = r.Staff,
        })]);

    private static string Instant(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);
}
