using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// The stored form of the service-operations settings: the contact policy's priority mode and
/// retry policy, the routing (teams and assignment rules) and the case deadline policy, as one JSON object under
/// <c>operations</c> in the configuration document. A document without it (written before these
/// settings were stored) reads as the defaults.
/// </summary>
internal static class OperationsDocument
{
    internal static JsonObject Write(CrmConfiguration configuration)
    {
        var policy = configuration.ContactPolicy;
        var routing = configuration.Routing;
        return new JsonObject
        {
            ["priorityMode"] = policy.Priority.Mode.ToString(),
            ["retry"] = new JsonObject
            {
                ["maxAttempts"] = policy.Retry.MaxAttempts,
                ["intervals"] = new JsonArray([.. policy.Retry.Intervals.Select(i => (JsonNode?)JsonValue.Create(i.ToString("c", CultureInfo.InvariantCulture)))]),
            },
            ["teams"] = new JsonArray([.. routing.Teams.Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t.Name,
                ["members"] = new JsonArray([.. t.Members.Select(m => (JsonNode?)JsonValue.Create(m))]),
            })]),
            ["rules"] = new JsonArray([.. routing.Rules.Select(r => (JsonNode?)Rule(r))]),
            ["casePolicy"] = CasePolicyDocument.Write(configuration.CasePolicy),
        };
    }

    /// <summary><paramref name="configuration"/> with the settings <paramref name="node"/> holds; unchanged when it is null.</summary>
    /// <exception cref="FormatException">A value is not in its format.</exception>
    internal static CrmConfiguration Apply(CrmConfiguration configuration, JsonNode? node)
    {
        if (node is null) return configuration;
        var o = node.AsObject();
        var retry = o["retry"]!.AsObject();
        var policy = configuration.ContactPolicy with
        {
            Priority = new PriorityPolicy { Mode = Enum.Parse<CapPriorityMode>(o["priorityMode"]!.GetValue<string>()) },
            Retry = new RetryPolicy
            {
                MaxAttempts = retry["maxAttempts"]!.GetValue<int>(),
                Intervals = [.. retry["intervals"]!.AsArray().Select(i => TimeSpan.ParseExact(i!.GetValue<string>(), "c", CultureInfo.InvariantCulture))],
            },
        };
        var routing = new RoutingPolicy
        {
            Teams = [.. o["teams"]!.AsArray().Select(t => new Team(t!["name"]!.GetValue<string>(), t["members"]!.AsArray().Select(m => m!.GetValue<string>())))],
            Rules = [.. o["rules"]!.AsArray().Select(r => ReadRule(r!.AsObject()))],
        };
        routing.Check();
        return configuration with { ContactPolicy = policy, Routing = routing, CasePolicy = CasePolicyDocument.Read(o["casePolicy"]) };
    }

    private static JsonObject Rule(AssignmentRule r)
    {
        var teams = new JsonObject();
        foreach (var (value, team) in r.Teams) teams[value] = team;
        return new JsonObject
        {
            ["name"] = r.Name,
            ["scope"] = r.Scope.ToString(),
            ["key"] = r.Key.ToString(),
            ["attribute"] = r.Attribute,
            ["teams"] = teams,
            ["defaultTeam"] = r.DefaultTeam,
            ["pick"] = r.Pick.ToString(),
        };
    }

    private static AssignmentRule ReadRule(JsonObject r) =>
        new(r["name"]!.GetValue<string>(), Enum.Parse<AssignmentScope>(r["scope"]!.GetValue<string>()))
        {
            Key = Enum.Parse<AssignmentKey>(r["key"]!.GetValue<string>()),
            Attribute = r["attribute"]?.GetValue<string>(),
            Teams = r["teams"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()),
            DefaultTeam = r["defaultTeam"]?.GetValue<string>(),
            Pick = Enum.Parse<AssignmentPick>(r["pick"]!.GetValue<string>()),
        };
}
