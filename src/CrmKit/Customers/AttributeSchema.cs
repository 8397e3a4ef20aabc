namespace CrmKit;

/// <summary>
/// The custom attributes customers may carry, each with its declared type. A customer whose
/// attribute is undeclared, or of another type than declared, is rejected with the attribute's
/// name. Build one with <see cref="Define"/>; it is immutable afterwards and safe to share.
/// </summary>
public sealed class AttributeSchema
{
    private readonly Dictionary<string, AttributeType> _types;

    private AttributeSchema(Dictionary<string, AttributeType> types) => _types = types;

    /// <summary>A schema that declares no attributes.</summary>
    public static AttributeSchema Empty { get; } = new(new Dictionary<string, AttributeType>(StringComparer.Ordinal));

    /// <summary>The declared attributes and their types.</summary>
    public IReadOnlyDictionary<string, AttributeType> Attributes => _types;

    /// <summary>Returns a schema that also declares <paramref name="name"/> with <paramref name="type"/>.</summary>
    /// <exception cref="CrmValidationException">The name is invalid or already declared.</exception>
    public AttributeSchema Define(string name, AttributeType type)
    {
        Require.Identifier(name, "attribute name");
        if (_types.ContainsKey(name)) throw new CrmValidationException("attribute name", $"'{name}' is already declared.");
        if (!Enum.IsDefined(type)) throw new CrmValidationException($"attributes.{name}", $"has unknown type {(int)type}.");
        return new(new Dictionary<string, AttributeType>(_types, StringComparer.Ordinal) { [name] = type });
    }

    /// <summary>Checks every attribute of a customer against the schema.</summary>
    /// <exception cref="CrmValidationException">An attribute is undeclared or of the wrong type.</exception>
    internal void Check(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            var field = $"attributes.{name}";
            if (value is null) throw new CrmValidationException(field, "is null; remove the attribute instead.");
            if (!_types.TryGetValue(name, out var declared))
                throw new CrmValidationException(field, $"is not declared in the attribute schema (declared: {Describe()}).");
            if (declared != value.Type)
                throw new CrmValidationException(field, $"expects {declared} but got {value.Type} \"{value}\".");
        }
    }

    private string Describe() => _types.Count == 0 ? "none" : string.Join(", ", _types.Keys.Order(StringComparer.Ordinal));
}
