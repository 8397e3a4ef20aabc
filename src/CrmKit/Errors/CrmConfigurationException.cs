namespace CrmKit;

/// <summary>
/// The options a database was opened with contradict the configuration stored in it: an attribute
/// of another type, a stage model without a stored stage or transition, other purchase or refund
/// kinds. <see cref="Field"/> names the setting; nothing was opened or written. Leave the setting
/// unset to use the stored value.
/// </summary>
public sealed class CrmConfigurationException : CrmException
{
    /// <summary>Creates the exception for <paramref name="field"/>, with what is stored and what was given.</summary>
    public CrmConfigurationException(string field, string stored, string given, string why)
        : base($"{field}: the database stores {stored}, but the options give {given}; {why}")
    {
        Field = field;
        Stored = stored;
        Given = given;
    }

    /// <summary>The setting that differs, such as <c>attributes.age</c>, <c>stages.initial</c> or <c>purchaseKinds</c>.</summary>
    public string Field { get; }

    /// <summary>The stored value, as text.</summary>
    public string Stored { get; }

    /// <summary>The given value, as text.</summary>
    public string Given { get; }
}
