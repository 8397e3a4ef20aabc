namespace CrmKit;

/// <summary>
/// One stage rule's proposal for one customer and what became of it: made, not allowed by the
/// model, superseded by an earlier rule, or failed. Immutable.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Customer">The customer.</param>
/// <param name="From">The customer's stage when the rule was asked.</param>
/// <param name="To">The proposed stage; null when the rule failed.</param>
/// <param name="Outcome">What became of the proposal.</param>
/// <param name="Detail">
/// For <see cref="StageRuleOutcome.NotAllowed"/> the stages the model allows from <paramref name="From"/>;
/// for <see cref="StageRuleOutcome.Failed"/> the error; otherwise the rule's note, if any.
/// </param>
/// <exception cref="CrmValidationException">The rule name is empty, or a proposed stage is missing for an outcome other than a failure.</exception>
public sealed record StageRuleReport(string Rule, CustomerCode Customer, StageId From, StageId? To, StageRuleOutcome Outcome, string? Detail)
{
    /// <summary>The rule's name.</summary>
    public string Rule { get; } = Require.Name(Rule, "rule");

    /// <summary>The proposed stage; null when the rule failed.</summary>
    public StageId? To { get; } = To is not null || Outcome == StageRuleOutcome.Failed
        ? To
        : throw new CrmValidationException("to", $"is required for the outcome {Outcome}.");
}
