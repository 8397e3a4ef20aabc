using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>
/// Teams and assignment rules as written in the settings file:
/// <c>{ "teams": { "north-desk": ["li", "wang"] }, "rules": [ { "name": "by-region", "scope": ["customers", "cases"], "key": "attribute", "attribute": "region", "teams": { "north": "north-desk" }, "defaultTeam": "north-desk", "pick": "least-loaded" } ] }</c>.
/// Given, it replaces the stored routing.
/// </summary>
internal sealed record RoutingSettings
{
    /// <summary>Team name → its members, in turn order.</summary>
    [JsonPropertyName("teams")]
    public Dictionary<string, List<string>>? Teams { get; init; }

    /// <summary>The assignment rules, in the order they are tried.</summary>
    [JsonPropertyName("rules")]
    public List<AssignmentRuleSettings>? Rules { get; init; }

    internal static RoutingSettings From(RoutingPolicy routing) => new()
    {
        Teams = routing.Teams.ToDictionary(t => t.Name, t => t.Members.ToList(), StringComparer.Ordinal),
        Rules = [.. routing.Rules.Select(AssignmentRuleSettings.From)],
    };

    /// <exception cref="CrmValidationException">A name, scope, key or pick is invalid (an undefined team is refused when the database opens).</exception>
    internal RoutingPolicy ToPolicy() => new()
    {
        Teams = [.. (Teams ?? []).Select(t => new Team(t.Key, t.Value ?? []))],
        Rules = [.. (Rules ?? []).Select((r, i) => r.ToRule(i))],
    };
}

/// <summary>One assignment rule as written in the settings file; names are lower case with '-' between words.</summary>
internal sealed record AssignmentRuleSettings
{
    /// <summary>The rule's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What it assigns: any of <c>customers</c>, <c>tasks</c>, <c>cases</c>.</summary>
    [JsonPropertyName("scope")]
    public List<string>? Scope { get; init; }

    /// <summary><c>none</c> (the default), <c>tier</c>, <c>grade</c> or <c>attribute</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The attribute for the <c>attribute</c> key, such as <c>region</c>.</summary>
    [JsonPropertyName("attribute")]
    public string? Attribute { get; init; }

    /// <summary>Key value → team.</summary>
    [JsonPropertyName("teams")]
    public Dictionary<string, string>? Teams { get; init; }

    /// <summary>The team for unmapped items.</summary>
    [JsonPropertyName("defaultTeam")]
    public string? DefaultTeam { get; init; }

    /// <summary><c>round-robin</c> (the default) or <c>least-loaded</c>.</summary>
    [JsonPropertyName("pick")]
    public string? Pick { get; init; }

    internal static AssignmentRuleSettings From(AssignmentRule r) => new()
    {
        Name = r.Name,
        Scope = [.. Enum.GetValues<AssignmentScope>().Where(s => s != AssignmentScope.All && r.Covers(s)).Select(s => CareNames.Name(s))],
        Key = CareNames.Name(r.Key),
        Attribute = r.Attribute,
        Teams = r.Teams.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        DefaultTeam = r.DefaultTeam,
        Pick = CareNames.Name(r.Pick),
    };

    internal AssignmentRule ToRule(int index)
    {
        var field = $"routing.rules[{index}]";
        var name = Name ?? throw new CrmValidationException(field + ".name", "is required.");
        var scope = (Scope ?? throw new CrmValidationException(field + ".scope", "is required; list customers, tasks or cases."))
            .Aggregate((AssignmentScope)0, (all, s) => all | Parse<AssignmentScope>(s, field + ".scope"));
        return new AssignmentRule(name, scope)
        {
            Key = Key is null ? AssignmentKey.None : Parse<AssignmentKey>(Key, field + ".key"),
            Attribute = Attribute,
            Teams = Teams ?? [],
            DefaultTeam = DefaultTeam,
            Pick = Pick is null ? AssignmentPick.RoundRobin : Parse<AssignmentPick>(Pick, field + ".pick"),
        };
    }

    private static T Parse<T>(string text, string field) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => CareNames.Name(v) == text).Select(v => (T?)v).FirstOrDefault()
        ?? throw new CrmValidationException(field, $"\"{text}\" is not one of {string.Join(", ", Enum.GetValues<T>().Select(v => CareNames.Name(v)))}.");
}
