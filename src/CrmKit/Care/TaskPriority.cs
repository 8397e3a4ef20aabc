namespace CrmKit;

/// <summary>How urgent a care task is.</summary>
public enum TaskPriority
{
    /// <summary>Whenever convenient.</summary>
    Low,

    /// <summary>The usual priority.</summary>
    Normal,

    /// <summary>Ahead of normal work.</summary>
    High,

    /// <summary>Today, before anything else.</summary>
    Urgent,
}
