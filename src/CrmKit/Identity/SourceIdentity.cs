namespace CrmKit;

/// <summary>
/// One entry of the identity map: the identifier a source system (cards, deposits, billing…)
/// gives a customer, and the customer code it stands for. A system's identifier points at one
/// customer; a customer may have identifiers in many systems. A merge moves the merged
/// customer's identifiers to the survivor, so each keeps pointing at the same person.
/// </summary>
/// <param name="System">The source system: lower-case letters, digits, '-', '_' and '.', up to 64 characters (for example <c>cards</c>).</param>
/// <param name="Id">The identifier within that system, up to 200 characters, compared ordinally.</param>
/// <param name="Customer">The customer the identifier stands for.</param>
/// <param name="LinkedAt">When the identifier was first linked to a customer (a merge keeps it).</param>
public sealed record SourceIdentity(string System, string Id, CustomerCode Customer, DateTimeOffset LinkedAt)
{
    /// <summary>Checks the system name and the identifier.</summary>
    /// <exception cref="CrmValidationException">The system is not an identifier, or the id is empty, too long or padded.</exception>
    internal static (string System, string Id) Check(string system, string id)
    {
        Require.Identifier(system, "system");
        Require.Name(id, "sourceId");
        if (id.Trim().Length != id.Length) throw new CrmValidationException("sourceId", $"'{id}' has leading or trailing white space.");
        return (system, id);
    }
}
