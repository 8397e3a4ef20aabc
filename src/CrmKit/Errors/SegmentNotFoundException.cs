namespace CrmKit;

/// <summary>No segment has the given name.</summary>
public sealed class SegmentNotFoundException : CrmNotFoundException
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public SegmentNotFoundException(string name)
        : base($"No segment is named '{name}'.") => Name = name;

    /// <summary>The name that was looked up.</summary>
    public string Name { get; }
}
