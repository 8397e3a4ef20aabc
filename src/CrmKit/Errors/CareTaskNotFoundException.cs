namespace CrmKit;

/// <summary>No care task has the given id.</summary>
public sealed class CareTaskNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for <paramref name="id"/>.</summary>
    public CareTaskNotFoundException(long id)
        : base($"No care task has id {id}.") => Id = id;

    /// <summary>The id that was looked up.</summary>
    public long Id { get; }
}
