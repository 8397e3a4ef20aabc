namespace CrmKit;

/// <summary>A customer with the same code already exists (or the code was merged away).</summary>
public sealed class DuplicateCustomerException : CrmException
{
    /// <summary>Creates the exception for <paramref name="code"/>.</summary>
    public DuplicateCustomerException(CustomerCode code)
        : base($"A customer with code '{code}' already exists.") => Code = code;

    /// <summary>The code that is taken.</summary>
    public CustomerCode Code { get; }
}
