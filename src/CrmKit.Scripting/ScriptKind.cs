namespace CrmKit.Scripting;

/// <summary>What a script decides.</summary>
public enum ScriptKind
{
    /// <summary>
    /// A segment script: a C# expression, or a statement body ending in <c>return</c>, that yields
    /// <c>true</c> when the customer belongs to the segment.
    /// </summary>
    Segment,

    /// <summary>A care script: statements that call <c>Care.Propose(...)</c> for each care action the customer needs.</summary>
    Care,
}
