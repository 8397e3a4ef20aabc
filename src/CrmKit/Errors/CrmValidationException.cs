namespace CrmKit;

/// <summary>
/// A value given to CrmKit is not acceptable: null, empty, too long, of the wrong type or out of
/// range. <see cref="Field"/> names the field (for example <c>code</c>, <c>attributes.age</c>,
/// <c>amount</c>).
/// </summary>
public sealed class CrmValidationException : CrmException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public CrmValidationException(string field, string message)
        : base($"{field}: {message}") => Field = field;

    /// <summary>The field whose value was rejected.</summary>
    public string Field { get; }
}
