namespace CrmKit;

/// <summary>No customer has the given code (nor was one merged away under it).</summary>
public sealed class CustomerNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for <paramref name="code"/>.</summary>
    public CustomerNotFoundException(CustomerCode code)
        : base($"No customer has code '{code}'.") => Code = code;

    /// <summary>The code that was looked up.</summary>
    public CustomerCode Code { get; }
}
