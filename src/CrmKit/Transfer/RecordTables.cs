using System.Text.Json.Nodes;
using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Interactions, stage and grade history, claims, care tasks, segments and their members, and the
/// identity map as rows of their exported tables and back. Identifiers the store gives (interaction
/// and task ids) are not exported: a restore gives new ones in the same order.
/// </summary>
internal static class RecordTables
{
    internal static JsonObject Write(Interaction i) => new()
    {
        ["customer"] = i.Customer.Value,
        ["kind"] = i.Kind.Name,
        ["channel"] = i.Channel.Name,
        ["occurred-at"] = RowFields.Instant(i.OccurredAt),
        ["amount"] = i.Amount is { } amount ? JsonValue.Create(amount) : null,
        ["outcome"] = RowFields.TextNode(i.Outcome),
        ["notes"] = RowFields.TextNode(i.Notes),
        ["staff"] = RowFields.TextNode(i.Staff),
        ["metadata"] = CustomerTable.Object(i.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
        ["recorded-at"] = RowFields.Instant(i.RecordedAt),
    };

    internal static Interaction ReadInteraction(RowFields f) =>
        new(CustomerTable.Code(f, "customer"), f.Nested("kind", n => new InteractionKind(n!.GetValue<string>())), f.Nested("channel", n => new Channel(n!.GetValue<string>())), f.Instant("occurred-at"))
        {
            Amount = f.OptionalDecimal("amount"),
            Outcome = f.OptionalText("outcome"),
            Notes = f.OptionalText("notes"),
            Staff = f.OptionalText("staff"),
            Metadata = f.Nested("metadata", n => n?.AsObject().ToDictionary(m => m.Key, m => m.Value!.GetValue<string>(), StringComparer.Ordinal) ?? new Dictionary<string, string>()),
            RecordedAt = f.Instant("recorded-at"),
        };

    internal static JsonObject Write(StageChange s) => new()
    {
        ["customer"] = s.Customer.Value,
        ["from"] = RowFields.TextNode(s.From?.Name),
        ["to"] = s.To.Name,
        ["at"] = RowFields.Instant(s.At),
        ["reason"] = s.Reason,
        ["actor"] = s.Actor,
        ["merged-from"] = RowFields.TextNode(s.MergedFrom?.Value),
    };

    internal static StageChange ReadStageChange(RowFields f) =>
        new(CustomerTable.Code(f, "customer"), f.OptionalText("from") is { } from ? f.Nested("from", _ => new StageId(from)) : (StageId?)null,
            f.Nested("to", n => new StageId(n!.GetValue<string>())), f.Instant("at"), f.Text("reason"), f.Text("actor"))
        {
            MergedFrom = CustomerTable.OptionalCode(f, "merged-from"),
        };

    internal static JsonObject Write(GradeChange g) => new()
    {
        ["customer"] = g.Customer.Value,
        ["from"] = RowFields.TextNode(g.From),
        ["to"] = g.To,
        ["at"] = RowFields.Instant(g.At),
        ["reason"] = g.Reason,
        ["actor"] = g.Actor,
        ["review"] = g.IsReview,
        ["merged-from"] = RowFields.TextNode(g.MergedFrom?.Value),
    };

    internal static GradeChange ReadGradeChange(RowFields f) =>
        new(CustomerTable.Code(f, "customer"), f.OptionalText("from"), f.Text("to"), f.Instant("at"), f.Text("reason"), f.Text("actor"), f.Boolean("review"))
        {
            MergedFrom = CustomerTable.OptionalCode(f, "merged-from"),
        };

    internal static JsonObject Write(Claim c) => new()
    {
        ["customer"] = c.Customer.Value,
        ["salesperson"] = c.Salesperson,
        ["at"] = RowFields.Instant(c.At),
        ["until"] = RowFields.Instant(c.Until),
    };

    internal static Claim ReadClaim(RowFields f) => new(CustomerTable.Code(f, "customer"), f.Text("salesperson"), f.Instant("at"), f.Instant("until"));

    internal static JsonObject Write(CareTask t) => new()
    {
        ["customer"] = t.Customer.Value,
        ["rule"] = t.Rule,
        ["occasion"] = t.OccasionKey,
        ["channel"] = t.Channel.Name,
        ["due"] = RowFields.Instant(t.Due),
        ["proposed-due"] = RowFields.Instant(t.ProposedDue),
        ["priority"] = t.Priority.ToString(),
        ["owner"] = RowFields.TextNode(t.Owner),
        ["note"] = RowFields.TextNode(t.Note),
        ["status"] = t.Status.ToString(),
        ["created-at"] = RowFields.Instant(t.CreatedAt),
        ["closed-at"] = RowFields.Instant(t.ClosedAt),
        ["outcome"] = RowFields.TextNode(t.Outcome),
        ["closed-by"] = RowFields.TextNode(t.ClosedBy),
    };

    internal static CareTask ReadTask(RowFields f) => new()
    {
        Customer = CustomerTable.Code(f, "customer"),
        Rule = f.Text("rule"),
        OccasionKey = f.Text("occasion"),
        Channel = f.Nested("channel", n => new Channel(n!.GetValue<string>())),
        Due = f.Instant("due"),
        ProposedDue = f.Instant("proposed-due"),
        Priority = f.Enum<TaskPriority>("priority"),
        Owner = f.OptionalText("owner"),
        Note = f.OptionalText("note"),
        Status = f.Enum<CareTaskStatus>("status"),
        CreatedAt = f.Instant("created-at"),
        ClosedAt = f.OptionalInstant("closed-at"),
        Outcome = f.OptionalText("outcome"),
        ClosedBy = f.OptionalText("closed-by"),
    };

    internal static JsonObject Write(StoredSegment s) => new()
    {
        ["name"] = s.Definition.Name,
        ["description"] = s.Definition.Description,
        ["filter"] = s.Definition.Filter is { } filter
            ? new JsonArray([.. filter.Clauses.Select(c => new JsonObject
            {
                ["kind"] = c.Kind.ToString(),
                ["operator"] = c.Operator.ToString(),
                ["attribute"] = RowFields.TextNode(c.Attribute),
                ["type"] = RowFields.TextNode(c.AttributeType?.ToString()),
                ["values"] = new JsonArray([.. c.Values.Select(v => JsonValue.Create(v))]),
            })])
            : null,
        ["script"] = RowFields.TextNode(s.Definition.Script),
        ["parameters"] = CustomerTable.Object(s.Definition.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        ["refreshes"] = s.Refreshes,
    };

    internal static (SegmentDefinition Definition, long Refreshes) ReadSegment(RowFields f)
    {
        var name = f.Text("name");
        var description = f.OptionalText("description") ?? "";
        var parameters = f.Nested("parameters", n => n?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) ?? new Dictionary<string, string>());
        var clauses = f.Nested("filter", n => n?.AsArray().Select(c => new SegmentClause(
            Enum.Parse<ClauseKind>(c!["kind"]!.GetValue<string>()), Enum.Parse<ClauseOperator>(c["operator"]!.GetValue<string>()), c["attribute"]?.GetValue<string>(),
            c["type"] is { } type ? Enum.Parse<AttributeType>(type.GetValue<string>()) : null, c["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray())).ToArray());
        var definition = clauses is null
            ? new SegmentDefinition(name, description, f.Text("script")) { Parameters = parameters }
            : new SegmentDefinition(name, description, new SegmentFilter(clauses)) { Parameters = parameters };
        return (definition, f.Integer("refreshes"));
    }

    internal static JsonObject Write(SegmentMembership m) => new()
    {
        ["segment"] = m.Segment,
        ["customer"] = m.Customer.Value,
        ["since"] = RowFields.Instant(m.Since),
        ["since-refresh"] = m.SinceRefresh,
    };

    internal static SegmentMembership ReadMember(RowFields f) => new(f.Text("segment"), CustomerTable.Code(f, "customer"), f.Instant("since"), f.Integer("since-refresh"));

    internal static JsonObject Write(SourceIdentity i) => new()
    {
        ["system"] = i.System,
        ["id"] = i.Id,
        ["customer"] = i.Customer.Value,
        ["linked-at"] = RowFields.Instant(i.LinkedAt),
    };

    internal static SourceIdentity ReadIdentity(RowFields f)
    {
        var (system, id) = f.Nested("id", _ => SourceIdentity.Check(f.Text("system"), f.Text("id")));
        return new SourceIdentity(system, id, CustomerTable.Code(f, "customer"), f.Instant("linked-at"));
    }
}
