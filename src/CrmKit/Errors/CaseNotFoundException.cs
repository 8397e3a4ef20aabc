namespace CrmKit;

/// <summary>No service case has the given id.</summary>
public sealed class CaseNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for <paramref name="id"/>.</summary>
    public CaseNotFoundException(long id)
        : base($"No case has id {id}.") => Id = id;

    /// <summary>The id asked for.</summary>
    public long Id { get; }
}
