namespace CrmKit;

/// <summary>
/// A stage rule: for one customer at one instant, the lifecycle stage it should move to, if any.
/// Built-in rules (<see cref="StageRules"/>) and, later, stage scripts plug in here, the way care
/// rules plug in through <see cref="ICareRule"/>.
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe: the answer may depend only on the snapshot, the
/// model and <c>now</c>. A rule only proposes; the evaluation checks the proposal against the
/// <see cref="StageModel"/> and reports a move the model does not allow instead of making it.
/// A change a rule makes is recorded with the reason <c>rule NAME</c>.
/// </remarks>
public interface IStageRule
{
    /// <summary>The rule's name (lower-case, for example <c>first-purchase</c>); recorded as the reason <c>rule NAME</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The stage <paramref name="customer"/> should be in at <paramref name="now"/>, or null when
    /// this rule has nothing to say. <c>customer.Customer.Stage</c> and <c>StageSince</c> are the
    /// customer's current stage and since when.
    /// </summary>
    StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now);
}
