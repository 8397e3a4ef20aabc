using System.Globalization;
using System.Text.Json;

namespace CrmKit.Cli;

/// <summary>
/// Reads a campaign plan from the JSON file <c>campaign create --plan</c> takes (its fields are in
/// docs/cli.md). Everything the plan checks is checked; a field that is missing or of the wrong
/// type is reported by its name.
/// </summary>
internal static class PlanFile
{
    /// <exception cref="CommandFailure">The file cannot be read or is not a plan (exit code 2).</exception>
    /// <exception cref="CrmValidationException">A value is out of range.</exception>
    internal static CampaignPlan Read(FileInfo file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"cannot read '{file}': {e.Message}");
        }
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"'{file}' is not JSON: {e.Message}");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"'{file}' is not a campaign plan: {e.Message}");
        }
    }

    internal static CampaignPlan Parse(JsonElement r)
    {
        var target = Required(r, "target");
        var response = Required(r, "response");
        var plan = new CampaignPlan
        {
            Name = Text(r, "name"),
            Goal = Optional(r, "goal") ?? "",
            Owner = Text(r, "owner"),
            Target = target.TryGetProperty("segment", out var segment) ? CampaignTarget.OfSegment(segment.GetString()!)
                : target.TryGetProperty("script", out var script) ? CampaignTarget.OfScript(script.GetString()!)
                : throw new KeyNotFoundException("target needs \"segment\" or \"script\"."),
            Offers = Required(r, "offers").EnumerateArray().Select(o => new CampaignOffer(Text(o, "code"), Optional(o, "description") ?? "",
                Required(o, "share").GetDouble(), Optional(o, "eligibility"))).ToArray(),
            Channels = Required(r, "channels").EnumerateArray().Select(c => new Channel(c.GetString()!)).ToArray(),
            Window = new CampaignWindow(Instant(r, "start"), Instant(r, "end")),
            CostPerContact = r.TryGetProperty("costPerContact", out var cost) ? cost.GetDecimal() : 0m,
            Budget = r.TryGetProperty("budget", out var budget) ? budget.GetDecimal() : 0m,
            Response = new ResponseRule(
                response.TryGetProperty("kinds", out var kinds) ? kinds.EnumerateArray().Select(k => new InteractionKind(k.GetString()!)).ToArray() : [],
                Optional(response, "acceptedOutcome"),
                response.TryGetProperty("purchase", out var purchase) && purchase.GetBoolean(),
                response.TryGetProperty("revenueKinds", out var revenue) ? revenue.EnumerateArray().Select(k => new InteractionKind(k.GetString()!)).ToArray() : null),
        };
        if (r.TryGetProperty("attributionDays", out var days)) plan = plan with { AttributionWindow = TimeSpan.FromDays(days.GetDouble()) };
        if (r.TryGetProperty("holdout", out var holdout)) plan = plan with { HoldoutShare = holdout.GetDouble() };
        return plan;
    }

    private static JsonElement Required(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new KeyNotFoundException($"\"{name}\" is required.");

    private static string Text(JsonElement e, string name) =>
        Required(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new FormatException($"\"{name}\" must be a string.");

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset Instant(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new FormatException($"\"{name}\" must be an ISO-8601 instant such as 2026-12-01T00:00:00+08:00.");
}
