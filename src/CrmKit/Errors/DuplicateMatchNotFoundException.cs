namespace CrmKit;

/// <summary>The duplicate review list has no entry for the given pair of customers.</summary>
public sealed class DuplicateMatchNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for the pair <paramref name="first"/> and <paramref name="second"/>.</summary>
    public DuplicateMatchNotFoundException(CustomerCode first, CustomerCode second)
        : base($"The review list has no match between '{first}' and '{second}'.")
    {
        First = first;
        Second = second;
    }

    /// <summary>One customer of the pair looked up.</summary>
    public CustomerCode First { get; }

    /// <summary>The other customer of the pair.</summary>
    public CustomerCode Second { get; }
}
