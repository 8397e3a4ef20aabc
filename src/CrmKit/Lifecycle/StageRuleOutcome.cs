namespace CrmKit;

/// <summary>What became of one stage rule's proposal for one customer.</summary>
public enum StageRuleOutcome
{
    /// <summary>The model allows the move and it was made.</summary>
    Applied,

    /// <summary>The model has no edge from the current stage to the proposed one (or no such stage); nothing was changed.</summary>
    NotAllowed,

    /// <summary>Another rule's move, earlier in the rule list, was made at the same evaluation step instead.</summary>
    Superseded,

    /// <summary>The rule threw; the other rules still ran.</summary>
    Failed,
}
