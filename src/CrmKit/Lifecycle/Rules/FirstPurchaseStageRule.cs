namespace CrmKit;

/// <summary>A prospect who has bought becomes a new customer.</summary>
internal sealed class FirstPurchaseStageRule(StageNames stages) : IStageRule
{
    public string Name => "first-purchase";

    public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now) =>
        customer.Customer.Stage == stages.Prospect && customer.Stats.PurchaseCount > 0 ? new StageProposal(stages.New) : null;
}
