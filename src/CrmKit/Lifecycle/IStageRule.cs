namespace CrmKit;

/// <summary>
/// A stage rule: for one customer at one instant, the lifecycle stage it should move to, if any.
/// Built-in rules (<see cref="StageRules"/>) and stage scripts (CrmKit.Scripting's
/// <c>ScriptedStageRule</c>) plug in here, the way care rules plug in through <see cref="ICareRule"/>.
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

    /// <summary>
    /// The proposals for a chunk of customers at <paramref name="now"/>, one outcome per customer in
    /// order (a null value when the rule has nothing to say). A customer whose evaluation fails gets
    /// a failed outcome and the others are still answered. Sweeps call this; the default asks
    /// <see cref="Propose(CustomerSnapshot, StageModel, DateTimeOffset)"/> once per customer, so only
    /// rules that gain from batching (such as scripts evaluated in a worker process) override it.
    /// </summary>
    Outcome<StageProposal?>[] ProposeAll(IReadOnlyList<CustomerSnapshot> customers, StageModel model, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var outcomes = new Outcome<StageProposal?>[customers.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            try
            {
                outcomes[i] = Outcome<StageProposal?>.Of(Propose(customers[i], model, now));
            }
            catch (Exception e)
            {
                outcomes[i] = Outcome<StageProposal?>.Failed(e);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// What the rule reads beyond the profile, stats and value figures (interaction metadata, other
    /// segments, open tasks), so a sweep loads it for the customers it asks about. The default is
    /// <see cref="SnapshotNeeds.None"/>.
    /// </summary>
    SnapshotNeeds Needs => SnapshotNeeds.None;
}
