namespace CrmKit;

/// <summary>
/// The unique code of a customer: the key of the single customer view. Codes are compared
/// ordinally (case-sensitive), are 1 to 200 characters long and have no leading or trailing
/// white space. Do not put personal data in a code: it survives erasure.
/// </summary>
public readonly record struct CustomerCode
{
    private readonly string? _value;

    /// <summary>Creates a code, checking it.</summary>
    /// <exception cref="CrmValidationException">The value is null, empty, too long or padded with spaces.</exception>
    public CustomerCode(string value)
    {
        Require.Name(value, "code");
        if (value.Trim().Length != value.Length)
            throw new CrmValidationException("code", $"'{value}' has leading or trailing white space.");
        _value = value;
    }

    /// <summary>The code's text.</summary>
    public string Value => _value ?? throw new InvalidOperationException("A default CustomerCode has no value.");

    /// <summary>Converts text to a code, checking it.</summary>
    public static implicit operator CustomerCode(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => _value ?? "";
}
