namespace CrmKit;

/// <summary>The result of running stage rules for one customer: the stage it ends in, the changes to record, and every proposal's fate.</summary>
/// <param name="Stage">The stage after the changes.</param>
/// <param name="Changes">The changes to record, in order; contiguous from the customer's stage, each along an edge of the model.</param>
/// <param name="Reports">Each distinct proposal and what became of it.</param>
internal sealed record StageEvaluation(StageId Stage, IReadOnlyList<StageChange> Changes, IReadOnlyList<StageRuleReport> Reports);
