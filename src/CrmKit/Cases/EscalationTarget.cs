namespace CrmKit;

/// <summary>Where a case goes when a deadline passes: a named level (such as <c>supervisor</c>), a named owner, or both.</summary>
public sealed record EscalationTarget
{
    /// <summary>Creates a target; at least one of the two is required.</summary>
    /// <exception cref="CrmValidationException">Both are null, or a name is not acceptable.</exception>
    public EscalationTarget(string? level, string? owner = null)
    {
        if (level is null && owner is null) throw new CrmValidationException("escalation", "names neither a level nor an owner.");
        Level = Require.OptionalName(level, "escalation.level");
        Owner = Require.OptionalName(owner, "escalation.owner");
    }

    /// <summary>The level the case is raised to, if any.</summary>
    public string? Level { get; }

    /// <summary>The owner the case is handed to, if any.</summary>
    public string? Owner { get; }

    /// <inheritdoc/>
    public override string ToString() => (Level, Owner) switch
    {
        ({ } level, { } owner) => $"level '{level}', owner '{owner}'",
        ({ } level, null) => $"level '{level}'",
        _ => $"owner '{Owner}'",
    };
}
