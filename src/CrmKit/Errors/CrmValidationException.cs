namespace CrmKit;

/// <summary>
/// A value given to CrmKit is not acceptable: null, empty, too long, of the wrong type or out of
/// range. <see cref="Field"/> names the field (for example <c>code</c>, <c>attributes.age</c>,
/// <c>amount</c>) and <see cref="Reason"/> says what was wrong with it; the message is
/// <c>field: reason</c>, so callers that show a field of their own (a CSV column) take the reason.
/// </summary>
public sealed class CrmValidationException : CrmException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public CrmValidationException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The field whose value was rejected.</summary>
    public string Field { get; }

    /// <summary>What was wrong with the value, without the field's name.</summary>
    public string Reason { get; }

    /// <summary>The same reason for a field nested under <paramref name="prefix"/>, as in <c>customers[3].attributes.age</c>.</summary>
    public CrmValidationException Under(string prefix) => new($"{prefix}.{Field}", Reason);
}
