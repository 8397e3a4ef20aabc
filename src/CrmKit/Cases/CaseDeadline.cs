namespace CrmKit;

/// <summary>The two deadlines every case has.</summary>
public enum CaseDeadline
{
    /// <summary>By when someone must first answer the customer.</summary>
    FirstResponse,

    /// <summary>By when the case must be resolved.</summary>
    Resolution,
}
