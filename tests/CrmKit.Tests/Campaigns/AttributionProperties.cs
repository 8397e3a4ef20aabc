using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>Attribution counts responses and revenue inside the attribution window only.</summary>
public class AttributionProperties
{
    private static readonly DateTimeOffset At = OperationsGenerators.CampaignStart;

    [Property(MaxTest = 300)]
    public Property Attribution_never_counts_a_response_outside_the_window() =>
        Prop.ForAll(OperationsGenerators.Plan.ToArbitrary(), OperationsGenerators.AttributionEvents.ToArbitrary(), Gen.Choose(-5 * 24 * 60, 60 * 24 * 60).ToArbitrary(),
            (plan, events, taskMinutes) =>
        {
            var assignment = new CampaignAssignment("c", "C1", plan.Offers[0].Code, At);
            var end = At + plan.AttributionWindow;
            var interactions = events.Select(e => new Interaction("C1", e.Kind, Channel.Phone, At.AddMinutes(e.Minutes)) { Amount = e.Amount })
                .Append(new Interaction("C2", "campaign-response", Channel.Phone, At.AddMinutes(1)) { Amount = 99 })
                .ToArray();
            var task = new CareTask { Customer = "C1", Status = CareTaskStatus.Done, Outcome = "accepted", ClosedAt = At.AddMinutes(taskMinutes) };
            var result = CampaignAttribution.Attribute(assignment, plan, interactions, [task]);

            bool Inside(DateTimeOffset t) => t >= At && t < end;
            var countable = interactions.Where(i => i.Customer == "C1" && Inside(i.OccurredAt) && (i.Kind == "campaign-response" || i.Kind == "purchase")).Select(i => i.OccurredAt)
                .Concat(Inside(task.ClosedAt!.Value) ? [task.ClosedAt.Value] : []).ToArray();
            var revenue = interactions.Where(i => i.Customer == "C1" && Inside(i.OccurredAt) && (i.Kind == "purchase" || i.Kind == "refund")).Sum(i => i.Amount ?? 0);

            if (result.FirstResponseAt is { } first && !Inside(first)) return false.Label($"first response {first:o} outside {At:o}..{end:o}");
            if (result.Responded != (countable.Length > 0)) return false.Label("responded disagrees with the events inside the window");
            if (result.FirstResponseAt != (countable.Length > 0 ? countable.Min() : null)) return false.Label("first response is not the earliest inside");
            if (result.Accepted != Inside(task.ClosedAt.Value)) return false.Label("acceptance outside the window");
            return (result.Revenue == revenue).Label($"revenue {result.Revenue} but {revenue} inside");
        });

    [Fact]
    public void The_window_includes_its_start_and_excludes_its_end()
    {
        var plan = OperationsGenerators.PlanWith([new("a", "a", 1)], 0.1, TimeSpan.FromDays(5), TimeSpan.FromDays(7));
        var assignment = new CampaignAssignment("c", "C1", null, At);
        Assert.True(CampaignAttribution.Attribute(assignment, plan, [new Interaction("C1", "campaign-response", Channel.Sms, At)], []).Responded);
        Assert.False(CampaignAttribution.Attribute(assignment, plan, [new Interaction("C1", "campaign-response", Channel.Sms, At.AddDays(7))], []).Responded);
        Assert.False(CampaignAttribution.Attribute(assignment, plan, [new Interaction("C1", "campaign-response", Channel.Sms, At.AddTicks(-1))], []).Responded);
    }

    [Fact]
    public void A_declined_task_or_another_outcome_is_no_acceptance()
    {
        var plan = OperationsGenerators.PlanWith([new("a", "a", 1)], 0.1, TimeSpan.FromDays(5), TimeSpan.FromDays(7));
        var assignment = new CampaignAssignment("c", "C1", "a", At);
        CareTask Task(CareTaskStatus status, string outcome) => new() { Customer = "C1", Status = status, Outcome = outcome, ClosedAt = At.AddDays(1) };
        Assert.False(CampaignAttribution.Attribute(assignment, plan, [], [Task(CareTaskStatus.Declined, "accepted")]).Accepted);
        Assert.False(CampaignAttribution.Attribute(assignment, plan, [], [Task(CareTaskStatus.Done, "talked")]).Accepted);
        Assert.True(CampaignAttribution.Attribute(assignment, plan, [], [Task(CareTaskStatus.Done, "accepted")]).Accepted);
    }
}
