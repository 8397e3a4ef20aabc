namespace CrmKit;

/// <summary>
/// A named assignment rule: for the items in its <see cref="Scope"/>, it looks at the item's
/// <see cref="Key"/> (tier, grade, a region attribute, or nothing), maps the value to a team
/// through <see cref="Teams"/> (or <see cref="DefaultTeam"/> when unmapped), and gives the item to
/// a member of that team by <see cref="Pick"/>. An item its key maps to no team and which has no
/// default is left to the next rule. Immutable; every property is checked when set.
/// </summary>
/// <example>
/// <code>
/// new AssignmentRule("by-region", AssignmentScope.Customers | AssignmentScope.Cases)
/// {
///     Key = AssignmentKey.Attribute,
///     Attribute = "region",
///     Teams = new Dictionary&lt;string, string&gt; { ["north"] = "north-desk", ["south"] = "south-desk" },
///     DefaultTeam = "central",
///     Pick = AssignmentPick.LeastLoaded,
/// };
/// </code>
/// </example>
public sealed record AssignmentRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">Its name, a lower-case identifier (<c>crmkit reassign --rule NAME</c> names it).</param>
    /// <param name="scope">What it assigns.</param>
    /// <exception cref="CrmValidationException">The name is not an identifier, or the scope is empty.</exception>
    public AssignmentRule(string name, AssignmentScope scope)
    {
        Name = Require.Identifier(name, "rule.name");
        Scope = scope != 0 && (scope & ~AssignmentScope.All) == 0 ? scope : throw new CrmValidationException($"rules.{name}.scope", $"{(int)scope} is not a scope.");
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>What it assigns.</summary>
    public AssignmentScope Scope { get; }

    /// <summary>What it looks at; <see cref="AssignmentKey.None"/> unless set.</summary>
    public AssignmentKey Key
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new CrmValidationException($"rules.{Name}.key", $"{(int)value} is not a key.");
    }

    /// <summary>The attribute for <see cref="AssignmentKey.Attribute"/>, such as <c>region</c>; its text value is looked up in <see cref="Teams"/>.</summary>
    public string? Attribute { get; init => field = Require.OptionalName(value, $"rules.{Name}.attribute"); }

    /// <summary>Key value → team name. Values are compared as written (case-sensitive).</summary>
    public IReadOnlyDictionary<string, string> Teams { get; init => field = Check(value); } = new Dictionary<string, string>();

    /// <summary>The team for items whose key is missing or unmapped; null leaves them to the next rule.</summary>
    public string? DefaultTeam { get; init => field = value is null ? null : Require.Identifier(value, $"rules.{Name}.defaultTeam"); }

    /// <summary>How a member of the team is chosen; <see cref="AssignmentPick.RoundRobin"/> unless set.</summary>
    public AssignmentPick Pick
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new CrmValidationException($"rules.{Name}.pick", $"{(int)value} is not a pick.");
    }

    /// <summary>True when the rule assigns items of <paramref name="scope"/>.</summary>
    public bool Covers(AssignmentScope scope) => (Scope & scope) != 0;

    /// <summary>The team for an item whose key value is <paramref name="value"/> (null when it has none), or null when the rule does not place it.</summary>
    public string? TeamFor(string? value) => value is not null && Teams.TryGetValue(value, out var team) ? team : DefaultTeam;

    private IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string>? teams)
    {
        if (teams is null) throw new CrmValidationException($"rules.{Name}.teams", "is required but was null.");
        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, team) in teams)
        {
            Require.Name(value, $"rules.{Name}.teams");
            copy[value] = Require.Identifier(team, $"rules.{Name}.teams.{value}");
        }
        return copy;
    }

    /// <summary>Equal when every setting is equal.</summary>
    public bool Equals(AssignmentRule? other) =>
        other is not null && Name == other.Name && Scope == other.Scope && Key == other.Key && Attribute == other.Attribute
        && DefaultTeam == other.DefaultTeam && Pick == other.Pick && Teams.Count == other.Teams.Count
        && Teams.All(kv => other.Teams.TryGetValue(kv.Key, out var t) && t == kv.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Scope, Key, Pick);
}
