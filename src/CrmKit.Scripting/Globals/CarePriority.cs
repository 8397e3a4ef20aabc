namespace CrmKit.Scripting;

/// <summary>How urgent a proposed care action is.</summary>
public enum CarePriority
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
