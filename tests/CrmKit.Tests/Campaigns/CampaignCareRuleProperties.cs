using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>A running campaign proposes contacts through the ordinary care sweep, and only for treated customers.</summary>
public class CampaignCareRuleProperties
{
    private const int Customers = 30;
    private static readonly DateTimeOffset Sweep = OperationsGenerators.CampaignStart.AddDays(1).AddHours(2);

    private static Campaign Running(string id, CampaignPlan plan) =>
        Campaign.Draft(id, plan, "a", OperationsGenerators.CampaignStart.AddDays(-3))
            .Submit("a", OperationsGenerators.CampaignStart.AddDays(-2), "ready")
            .Approve("b", OperationsGenerators.CampaignStart.AddDays(-1), "ok")
            .Start("c", OperationsGenerators.CampaignStart, "go");

    private static Func<CustomerCode, CampaignAssignment?> Assigner(Campaign campaign) =>
        code => CampaignAssigner.Assign(campaign, code, OperationsGenerators.CampaignStart);

    [Property(MaxTest = 8)]
    public Property A_held_out_customer_never_gets_a_task_from_the_campaign() =>
        Prop.ForAll(OperationsGenerators.CampaignId.ToArbitrary(), OperationsGenerators.Plan.Where(p => p.Window.Contains(Sweep)).ToArbitrary(), (id, plan) =>
        {
            using var db = TestDatabase.InMemory();
            db.SeedCustomers(Customers);
            var campaign = Running(id, plan);
            var assign = Assigner(campaign);
            db.Crm.Care.Sweep([new CampaignCareRule(campaign, assign)], Sweep);
            db.Crm.Care.Sweep([new CampaignCareRule(campaign, assign)], Sweep.AddHours(5));
            var tasks = db.Crm.Care.Tasks(null, new PageRequest(0, 10_000)).Items;
            foreach (var task in tasks)
            {
                var assignment = assign(task.Customer)!;
                if (assignment.IsHoldout) return false.Label($"held-out {task.Customer} got task {task.Id}");
                if (task.OccasionKey != $"campaign.{id}:{assignment.Offer}") return false.Label($"occasion key {task.OccasionKey}");
            }
            var treated = Enumerable.Range(0, Customers).Count(i => !assign($"C{i}")!.IsHoldout);
            return (tasks.Count == treated * plan.Channels.Count).Label($"{tasks.Count} tasks for {treated} treated customers on {plan.Channels.Count} channels");
        });

    [Fact]
    public void A_campaign_that_is_not_running_or_outside_its_window_proposes_nothing()
    {
        var plan = OperationsGenerators.PlanWith([new("a", "a", 1)], 0.1, TimeSpan.FromDays(10), TimeSpan.FromDays(10));
        var running = Running("q4", plan);
        var approved = Campaign.Restore("q4", plan, running.History.Take(3).ToArray(), null);
        var snapshot = new CustomerSnapshot(new Customer("C1", "Ana"), new CustomerStats());
        var treated = new CampaignAssignment("q4", "C1", "a", OperationsGenerators.CampaignStart);
        Assert.Empty(new CampaignCareRule(approved, _ => treated).Propose(snapshot, Sweep));
        Assert.Empty(new CampaignCareRule(running, _ => treated).Propose(snapshot, plan.Window.End));
        Assert.Empty(new CampaignCareRule(running, _ => treated with { Offer = null }).Propose(snapshot, Sweep));
        Assert.Empty(new CampaignCareRule(running, _ => null).Propose(snapshot, Sweep));
        Assert.Equal(2, new CampaignCareRule(running, _ => treated).Propose(snapshot, Sweep).Count());
    }

    [Fact]
    public void A_rehearsal_counts_the_split_what_the_policy_holds_back_and_the_cost()
    {
        var plan = OperationsGenerators.PlanWith([new("a", "a", 0.5), new("b", "b", 0.5)], 0.2, TimeSpan.FromDays(10), TimeSpan.FromDays(10)) with { Budget = 100m };
        var campaign = Running("rehearse", plan);
        var assignments = Enumerable.Range(0, 500).Select(i => CampaignAssigner.Assign(campaign, $"C{i}", OperationsGenerators.CampaignStart)!).ToArray();
        var rehearsal = CampaignRehearsal.Of(campaign, assignments, a => a.Customer.Value.EndsWith('7') ? SuppressionReason.OptedOut : null);
        var treated = assignments.Where(a => !a.IsHoldout).ToArray();
        var optedOut = treated.Count(a => a.Customer.Value.EndsWith('7'));
        Assert.Equal((500, assignments.Count(a => a.IsHoldout)), (rehearsal.Audience, rehearsal.Holdout));
        Assert.Equal(treated.Count(a => a.Offer == "a"), rehearsal.ByOffer[0].Value);
        Assert.Equal((treated.Length - optedOut, optedOut), (rehearsal.Contactable, rehearsal.HeldBack[SuppressionReason.OptedOut]));
        Assert.Equal(1.5m * (treated.Length - optedOut), rehearsal.Cost);
        Assert.False(rehearsal.WithinBudget);
    }
}
