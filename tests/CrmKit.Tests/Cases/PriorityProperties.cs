using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Cases;

/// <summary>Priorities meeting a full frequency cap.</summary>
public class PriorityProperties
{
    private static readonly PriorityPolicy Bypass = PriorityPolicy.Default;
    private static readonly PriorityPolicy Displace = new() { Mode = CapPriorityMode.HigherPriorityDisplaces };
    private static Arbitrary<PriorityPolicy> Policies => Gen.Elements(Bypass, Displace).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property An_urgent_task_is_never_dropped_because_routine_tasks_filled_the_cap() =>
        Prop.ForAll(OperationsGenerators.CappedTasks.ToArbitrary(), Policies, Gen.Choose(1, 4).ToArbitrary(), (tasks, policy, cap) =>
        {
            var routine = tasks.Where(t => t.Priority < TaskPriority.Urgent).ToArray();
            var attempted = routine.Where(t => t.Id % 2 == 0).Select(t => t.Id).ToHashSet();
            var decision = CapArbiter.Decide(routine, attempted, TaskPriority.Urgent, "arrears:2026-11", cap, policy);
            return (decision.Verdict != CapVerdict.Refuse).Label($"{decision.Verdict}: {decision.Reason}");
        });

    [Property(MaxTest = 300)]
    public Property Only_a_lower_priority_open_unattempted_task_is_displaced_and_the_cap_holds_below_urgent() =>
        Prop.ForAll(OperationsGenerators.CappedTasks.ToArbitrary(), Policies, Gen.Choose(1, 4).Zip(Gen.Elements(Enum.GetValues<TaskPriority>())).ToArbitrary(),
            (tasks, policy, capAndPriority) =>
        {
            var (cap, priority) = capAndPriority;
            var attempted = tasks.Where(t => t.Id % 3 == 0).Select(t => t.Id).ToHashSet();
            var decision = CapArbiter.Decide(tasks, attempted, priority, "offer:1", cap, policy);
            switch (decision.Verdict)
            {
                case CapVerdict.Admit:
                    return (tasks.Length < cap).Label("admitted with a full cap");
                case CapVerdict.AdmitOverCap:
                    return (priority == TaskPriority.Urgent && tasks.Length >= cap).Label("over the cap without being urgent");
                case CapVerdict.AdmitDisplacing:
                    var victim = decision.Displaced!;
                    return (policy.Mode == CapPriorityMode.HigherPriorityDisplaces && victim.Priority < priority && victim.Status == CareTaskStatus.Open
                            && !attempted.Contains(victim.Id) && tasks.Contains(victim)
                            && tasks.Where(t => t.Status == CareTaskStatus.Open && !attempted.Contains(t.Id)).All(t => t.Priority >= victim.Priority))
                        .Label($"displaced {victim.Priority} {victim.Status} task {victim.Id} for {priority}");
                default:
                    var displaceable = tasks.Any(t => t.Status == CareTaskStatus.Open && t.Priority < priority && !attempted.Contains(t.Id));
                    return (tasks.Length >= cap && priority != TaskPriority.Urgent && (policy.Mode == CapPriorityMode.UrgentBypassesCap || !displaceable))
                        .Label($"refused {priority} with {tasks.Length} of {cap}");
            }
        });

    [Fact]
    public void A_displaced_task_is_reported_with_its_reason()
    {
        var tasks = new[]
        {
            new CareTask { Id = 1, Priority = TaskPriority.Normal, Status = CareTaskStatus.Open, Due = OperationsGenerators.CampaignStart },
            new CareTask { Id = 2, Priority = TaskPriority.Low, Status = CareTaskStatus.Open, Due = OperationsGenerators.CampaignStart },
        };
        var decision = CapArbiter.Decide(tasks, new HashSet<long>(), TaskPriority.High, "churn-rescue:2026-11", 2, Displace);
        Assert.Equal((CapVerdict.AdmitDisplacing, 2L), (decision.Verdict, decision.Displaced!.Id));
        Assert.Contains("displaced by high occasion 'churn-rescue:2026-11'", decision.Reason);
        Assert.Equal(CapVerdict.Refuse, CapArbiter.Decide(tasks, new HashSet<long>(), TaskPriority.High, "x", 2, Bypass).Verdict);
        Assert.Equal(CapVerdict.Refuse, CapArbiter.Decide(tasks, new HashSet<long> { 1, 2 }, TaskPriority.High, "x", 2, Displace).Verdict);
        Assert.Equal(CapVerdict.AdmitOverCap, CapArbiter.Decide(tasks, new HashSet<long> { 1, 2 }, TaskPriority.Urgent, "x", 2, Displace).Verdict);
    }
}
