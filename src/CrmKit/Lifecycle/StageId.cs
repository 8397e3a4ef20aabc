namespace CrmKit;

/// <summary>The name of a lifecycle stage, such as <c>prospect</c> or <c>churned</c>.</summary>
public readonly record struct StageId
{
    private readonly string? _name;

    /// <summary>Creates a stage name; lower-case letters, digits, '-', '_' or '.'.</summary>
    /// <exception cref="CrmValidationException">The name is not a valid identifier.</exception>
    public StageId(string name) => _name = Require.Identifier(name, "stage");

    /// <summary>The stage's name.</summary>
    public string Name => _name ?? "";

    /// <summary>Converts a name to a stage, checking it.</summary>
    public static implicit operator StageId(string name) => new(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
