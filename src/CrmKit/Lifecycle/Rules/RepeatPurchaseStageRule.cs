namespace CrmKit;

/// <summary>
/// A new customer with a second purchase, or a won-back customer who buys again after being won
/// back, is growing. For won-back customers only a purchase after they entered the stage counts,
/// since the purchases before churn say nothing about the return.
/// </summary>
internal sealed class RepeatPurchaseStageRule(StageNames stages) : IStageRule
{
    public string Name => "repeat-purchase";

    public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now)
    {
        var stage = customer.Customer.Stage;
        var stats = customer.Stats;
        if (stage == stages.New && stats.PurchaseCount >= 2) return new StageProposal(stages.Growing);
        if (stage == stages.WonBack && stats.LastPurchaseAt > customer.Customer.StageSince) return new StageProposal(stages.Growing);
        return null;
    }
}
