namespace CrmKit;

/// <summary>How case figures are split into rows.</summary>
public enum CaseFigureCut
{
    /// <summary>One row, <c>all</c>.</summary>
    All,

    /// <summary>A row per category.</summary>
    Category,

    /// <summary>A row per current owner (<c>(none)</c> for open cases).</summary>
    Owner,
}
