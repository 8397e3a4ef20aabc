namespace CrmKit;

/// <summary>
/// A team of owners that queues and assignment rules name: round-robin and least-loaded
/// assignment choose among its members, in the order given. An owner may be in several teams.
/// Immutable.
/// </summary>
public sealed record Team
{
    /// <summary>Creates a team.</summary>
    /// <param name="name">The team's name, a lower-case identifier such as <c>north-desk</c>.</param>
    /// <param name="members">Its members' owner names, at least one, each once.</param>
    /// <exception cref="CrmValidationException">The name is not an identifier, there are no members, or a member is invalid or listed twice.</exception>
    public Team(string name, IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Name = Require.Identifier(name, "team.name");
        var list = members.ToArray();
        if (list.Length == 0) throw new CrmValidationException($"teams.{name}.members", "is empty; a team has at least one member.");
        for (var i = 0; i < list.Length; i++)
        {
            Require.Name(list[i], $"teams.{name}.members[{i}]");
            if (Array.IndexOf(list, list[i]) != i) throw new CrmValidationException($"teams.{name}.members[{i}]", $"'{list[i]}' is listed twice.");
        }
        Members = list;
    }

    /// <summary>The team's name.</summary>
    public string Name { get; }

    /// <summary>Its members, in the order round-robin goes through them.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>Equal when the names and the members (in order) are equal.</summary>
    public bool Equals(Team? other) => other is not null && Name == other.Name && Members.SequenceEqual(other.Members);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Members.Count);
}
