namespace CrmKit;

/// <summary>
/// Who works what: the teams queues are cut by, and the assignment rules that give new customers,
/// care tasks and cases an owner (the first rule, in order, that covers the item and places it
/// wins; an item no rule places stays unowned, for someone to claim). Stored in the database with
/// the rest of its configuration (see <see cref="CrmOptions.Routing"/>). Immutable.
/// </summary>
public sealed record RoutingPolicy
{
    /// <summary>No teams and no rules: nothing is assigned automatically.</summary>
    public static RoutingPolicy None { get; } = new();

    /// <summary>The teams, each name once.</summary>
    public IReadOnlyList<Team> Teams { get; init => field = [.. value ?? throw new CrmValidationException("routing.teams", "is required but was null.")]; } = [];

    /// <summary>The assignment rules, in the order they are tried; each name once.</summary>
    public IReadOnlyList<AssignmentRule> Rules { get; init => field = [.. value ?? throw new CrmValidationException("routing.rules", "is required but was null.")]; } = [];

    /// <summary>The team named <paramref name="name"/>, or null.</summary>
    public Team? Team(string name) => Teams.FirstOrDefault(t => t.Name == name);

    /// <summary>The rule named <paramref name="name"/>, or null.</summary>
    public AssignmentRule? Rule(string name) => Rules.FirstOrDefault(r => r.Name == name);

    /// <summary>The first team <paramref name="owner"/> is a member of, in the order the teams are listed; null for none.</summary>
    public string? TeamOf(string? owner) => owner is null ? null : Teams.FirstOrDefault(t => t.Members.Contains(owner))?.Name;

    /// <summary>Checks that names are unique and every team a rule names is defined.</summary>
    /// <exception cref="CrmValidationException">A name repeats or a rule names an undefined team.</exception>
    internal void Check()
    {
        if (Teams.Any(t => t is null) || Rules.Any(r => r is null)) throw new CrmValidationException("routing", "holds a null team or rule.");
        if (Teams.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1) is { } team)
            throw new CrmValidationException("routing.teams", $"two teams are named '{team.Key}'.");
        if (Rules.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } rule)
            throw new CrmValidationException("routing.rules", $"two rules are named '{rule.Key}'.");
        foreach (var r in Rules)
        {
            if (r.Key == AssignmentKey.Attribute && r.Attribute is null)
                throw new CrmValidationException($"rules.{r.Name}.attribute", "is required for an attribute key.");
            foreach (var name in r.Teams.Values.Append(r.DefaultTeam).OfType<string>())
                if (Team(name) is null) throw new CrmValidationException($"rules.{r.Name}.teams", $"'{name}' is not a defined team.");
        }
    }

    /// <summary>Equal when the teams and rules are equal, in order.</summary>
    public bool Equals(RoutingPolicy? other) => other is not null && Teams.SequenceEqual(other.Teams) && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Teams.Count, Rules.Count);
}
