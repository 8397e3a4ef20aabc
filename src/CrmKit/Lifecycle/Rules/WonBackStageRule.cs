namespace CrmKit;

/// <summary>A churned customer who bought after being marked churned is won back.</summary>
internal sealed class WonBackStageRule(StageNames stages) : IStageRule
{
    public string Name => "won-back";

    public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now) =>
        customer.Customer.Stage == stages.Churned && customer.Stats.LastPurchaseAt > customer.Customer.StageSince
            ? new StageProposal(stages.WonBack)
            : null;
}
