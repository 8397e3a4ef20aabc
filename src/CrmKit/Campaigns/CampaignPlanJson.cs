using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmKit;

/// <summary>
/// The one stored form of a <see cref="CampaignPlan"/>: a small JSON document that every store keeps
/// as it is (a text field, a jsonb column). Reading it back goes through the plan's own checks, so a
/// stored plan that does not make a valid plan is refused with the field named. Instants keep their
/// offsets, money its scale and shares their exact binary value.
/// </summary>
internal static class CampaignPlanJson
{
    internal static string Write(CampaignPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", plan.Name);
            w.WriteString("goal", plan.Goal);
            w.WriteString("owner", plan.Owner);
            w.WriteStartObject("target");
            switch (plan.Target.Kind)
            {
                case CampaignTargetKind.Segment: w.WriteString("segment", plan.Target.Segment); break;
                case CampaignTargetKind.Script: w.WriteString("script", plan.Target.Script); break;
                default:
                    w.WriteStartArray("filter");
                    foreach (var c in plan.Target.Filter!.Clauses)
                    {
                        w.WriteStartObject();
                        w.WriteString("kind", c.Kind.ToString());
                        w.WriteString("op", c.Operator.ToString());
                        if (c.Attribute is not null) w.WriteString("attribute", c.Attribute);
                        if (c.AttributeType is { } type) w.WriteString("type", type.ToString());
                        Strings(w, "values", c.Values);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    break;
            }
            w.WriteEndObject();
            w.WriteStartArray("offers");
            foreach (var o in plan.Offers)
            {
                w.WriteStartObject();
                w.WriteString("code", o.Code);
                w.WriteString("description", o.Description);
                w.WriteString("share", o.Share.ToString("R", CultureInfo.InvariantCulture));
                if (o.Eligibility is not null) w.WriteString("eligibility", o.Eligibility);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "channels", plan.Channels.Select(c => c.Name));
            w.WriteString("start", plan.Window.Start.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("end", plan.Window.End.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("costPerContact", plan.CostPerContact.ToString(CultureInfo.InvariantCulture));
            w.WriteString("budget", plan.Budget.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("attributionTicks", plan.AttributionWindow.Ticks);
            w.WriteStartObject("response");
            Strings(w, "kinds", plan.Response.Kinds.Select(k => k.Name));
            if (plan.Response.AcceptedOutcome is not null) w.WriteString("acceptedOutcome", plan.Response.AcceptedOutcome);
            w.WriteBoolean("countsPurchase", plan.Response.CountsPurchase);
            Strings(w, "revenueKinds", plan.Response.RevenueKinds.Select(k => k.Name));
            w.WriteEndObject();
            w.WriteString("holdoutShare", plan.HoldoutShare.ToString("R", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="CrmValidationException">The text is not a stored plan, or its values do not make a valid plan.</exception>
    internal static CampaignPlan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var t = r.GetProperty("target");
            var target = t.TryGetProperty("segment", out var segment) ? CampaignTarget.OfSegment(segment.GetString()!)
                : t.TryGetProperty("script", out var script) ? CampaignTarget.OfScript(script.GetString()!)
                : CampaignTarget.OfFilter(new SegmentFilter(t.GetProperty("filter").EnumerateArray().Select(c => new SegmentClause(
                    Enum.Parse<ClauseKind>(c.GetProperty("kind").GetString()!), Enum.Parse<ClauseOperator>(c.GetProperty("op").GetString()!),
                    Optional(c, "attribute"), Optional(c, "type") is { } type ? Enum.Parse<AttributeType>(type) : null,
                    StringsOf(c.GetProperty("values")))).ToArray()));
            var response = r.GetProperty("response");
            return new CampaignPlan
            {
                Name = r.GetProperty("name").GetString()!,
                Goal = r.GetProperty("goal").GetString()!,
                Owner = r.GetProperty("owner").GetString()!,
                Target = target,
                Offers = r.GetProperty("offers").EnumerateArray().Select(o => new CampaignOffer(o.GetProperty("code").GetString()!,
                    o.GetProperty("description").GetString()!, double.Parse(o.GetProperty("share").GetString()!, CultureInfo.InvariantCulture),
                    Optional(o, "eligibility"))).ToArray(),
                Channels = StringsOf(r.GetProperty("channels")).Select(c => new Channel(c)).ToArray(),
                Window = new CampaignWindow(Instant(r, "start"), Instant(r, "end")),
                CostPerContact = decimal.Parse(r.GetProperty("costPerContact").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
                Budget = decimal.Parse(r.GetProperty("budget").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
                AttributionWindow = TimeSpan.FromTicks(r.GetProperty("attributionTicks").GetInt64()),
                Response = new ResponseRule(StringsOf(response.GetProperty("kinds")).Select(k => new InteractionKind(k)),
                    Optional(response, "acceptedOutcome"), response.GetProperty("countsPurchase").GetBoolean(),
                    StringsOf(response.GetProperty("revenueKinds")).Select(k => new InteractionKind(k))),
                HoldoutShare = double.Parse(r.GetProperty("holdoutShare").GetString()!, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new CrmValidationException("campaign.plan", $"is not a stored campaign plan: {e.Message}");
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string[] StringsOf(JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset Instant(JsonElement e, string name) =>
        DateTimeOffset.ParseExact(e.GetProperty(name).GetString()!, "o", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
