namespace CrmKit;

/// <summary>What a queue item is.</summary>
public enum WorkItemKind
{
    /// <summary>A care task.</summary>
    Task,

    /// <summary>A service case.</summary>
    Case,
}
