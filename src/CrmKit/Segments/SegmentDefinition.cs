namespace CrmKit;

/// <summary>
/// A named segment: either a built-in <see cref="SegmentFilter"/> or the text of a segment script,
/// with the parameters the script reads. Immutable; store it with <see cref="SegmentBook.Define"/>.
/// </summary>
public sealed record SegmentDefinition
{
    /// <summary>Defines a segment by a built-in filter.</summary>
    public SegmentDefinition(string name, string description, SegmentFilter filter)
    {
        Name = name;
        Description = description;
        Filter = filter ?? throw new CrmValidationException("filter", "is required but was null.");
    }

    /// <summary>Defines a segment by a segment script (C# returning <c>bool</c>, see CrmKit.Scripting).</summary>
    public SegmentDefinition(string name, string description, string script)
    {
        Name = name;
        Description = description;
        Script = script;
    }

    /// <summary>The segment's name: lower-case letters, digits, '-', '_' and '.', up to 64 characters.</summary>
    public string Name { get; init; }

    /// <summary>What the segment is for, in words.</summary>
    public string Description { get; init; }

    /// <summary>The built-in filter, or null for a scripted segment.</summary>
    public SegmentFilter? Filter { get; }

    /// <summary>The segment script's source, or null for a built-in filter.</summary>
    public string? Script { get; }

    /// <summary>Named values a script reads as <c>Params["name"]</c> (as text).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    internal void Check()
    {
        Require.Identifier(Name, "name");
        Require.OptionalText(Description ?? throw new CrmValidationException("description", "is required but was null."), "description");
        if (Filter is null && string.IsNullOrWhiteSpace(Script)) throw new CrmValidationException("script", "is required but was empty.");
        if (Script is { Length: > 100_000 }) throw new CrmValidationException("script", $"is {Script.Length} characters long; at most 100,000 are allowed.");
        if (Parameters is null) throw new CrmValidationException("parameters", "is null.");
        foreach (var (key, value) in Parameters)
        {
            Require.Name(key, "parameters key");
            if (value is null) throw new CrmValidationException($"parameters.{key}", "is null.");
            Require.OptionalText(value, $"parameters.{key}");
        }
    }
}
