using System.Globalization;
using CrmKit;
using CrmKit.Samples;
using CrmKit.Value;

/// <summary>
/// The insurer's service side: complaints become cases routed to the complaints desk, with deadlines
/// in Berlin working hours; a late one escalates to the team lead; and when a salesperson leaves,
/// everything she held (customers, open calls, a case) is reassigned in turn, with history.
/// </summary>
internal static class ServiceDesk
{
    internal static readonly Team Sales = new("sales", ["sales.ana", "sales.bo", "sales.cy"]);
    internal static readonly Team Complaints = new("complaints", ["care.li", "care.wu"]);

    /// <summary>Every case goes to the complaints desk, to whoever holds least; new customers go to the sales team in turn.</summary>
    internal static RoutingPolicy Routing { get; } = new()
    {
        Teams = [Sales, Complaints],
        Rules =
        [
            new AssignmentRule("complaints-desk", AssignmentScope.Cases) { DefaultTeam = "complaints", Pick = AssignmentPick.LeastLoaded },
            new AssignmentRule("sales-in-turn", AssignmentScope.Customers) { DefaultTeam = "sales" },
        ],
    };

    /// <summary>Complaints: a first response within 4 working hours (else the team lead takes over), a resolution within 3 working days (else the manager is told).</summary>
    internal static CaseDeadlinePolicy CasePolicy { get; } = new(
        BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), new TimeOnly(9, 0), new TimeOnly(18, 0)),
        [
            new CaseDeadlineRule("complaint", null, null, TimeSpan.FromHours(4), TimeSpan.FromHours(27))
            {
                FirstResponseEscalation = new EscalationTarget("team-lead", "care.lead"),
                ResolutionEscalation = new EscalationTarget("manager"),
            },
            new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(9), TimeSpan.FromHours(45)),
        ]);

    internal static void Run(CrmDatabase crm, ScenarioClock clock, IReadOnlyDictionary<CustomerCode, ValueTier> tiers)
    {
        Step.Title(clock, "Complaints become cases, routed to the complaints desk (least loaded first)");
        var payout = Open(crm, "L-008", TaskPriority.High, "Claim payout for the cold-store breakdown is three weeks late", tiers);
        var invoice = Open(crm, "L-005", TaskPriority.Normal, "Renewal invoice charged twice", tiers);

        clock.Advance(TimeSpan.FromHours(1));
        Step.Title(clock, "Li calls Harbor Seafood back: no answer, then reached; the case is resolved with its root cause");
        Attempt(crm, payout, AttemptOutcome.NoAnswer);
        clock.Advance(TimeSpan.FromMinutes(40));
        Attempt(crm, payout, AttemptOutcome.Reached);
        var resolved = crm.Cases.Resolve(payout.Id, "claims-backlog", "payout released; backlog escalated to claims", "care.li");
        Step.Say($"Case {payout.Id} resolved (root cause claims-backlog); satisfaction check task {resolved.FollowUp?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"} "
            + $"for {resolved.FollowUp?.Owner ?? "-"}.");

        clock.Advance(TimeSpan.FromHours(5));
        Step.Title(clock, "Nobody answered Evergreen Clinic in time: the deadline escalates, once");
        foreach (var c in crm.Cases.Escalate())
        {
            var e = c.Escalations[^1];
            Step.Say($"Case {c.Id} ({c.Customer}): first response was due {e.Due:yyyy-MM-dd HH:mm zzz}; escalated to {c.Owner} at level {c.Level}.");
        }
        Step.Say($"Escalating again: {crm.Cases.Escalate().Count} case(s); each deadline escalates once.");
        crm.Cases.Respond(invoice.Id, "care.lead", "called: the second charge is refunded today");
        crm.Cases.Resolve(invoice.Id, "billing-error", "duplicate charge refunded", "care.lead");

        Step.Title(clock, "Ana's book: her customers, their renewal calls, and a service request she took");
        crm.Care.Sweep([new RenewalCall()], clock.GetUtcNow());
        var request = crm.Cases.Open("L-002", "service-request", TaskPriority.Normal, "Add two vans to the fleet policy", Channel.Phone, "desk");
        crm.Cases.Transfer(request.Id, "sales.ana", "desk", "the account's salesperson handles policy changes");
        Step.Say($"Ana holds {crm.Customers.OwnedBy("sales.ana", new PageRequest(0, 1_000)).Items.Count} customers and "
            + $"{crm.Queues.Open(new QueueQuery { Owner = "sales.ana" }).Count} open items (renewal calls and case {request.Id}).");

        clock.Advance(TimeSpan.FromDays(1));
        Step.Title(clock, "Ana leaves: everything she held is reassigned in turn to the rest of the sales team");
        var result = crm.Queues.ReassignByRule("sales.ana", "sales-in-turn", "head.of.sales", "Ana left the company");
        foreach (var group in result.Moved.GroupBy(m => m.To).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Step.Say($"To {group.Key}: {group.Count(m => m.Task is null && m.Case is null)} customers, {group.Count(m => m.Task is not null)} renewal calls, "
                + $"{group.Count(m => m.Case is not null)} case(s).");
        }
        Step.Say($"Ana now holds {crm.Customers.OwnedBy("sales.ana", PageRequest.First).Items.Count} customers and {crm.Queues.Open(new QueueQuery { Owner = "sales.ana" }).Count} open items.");
        var first = result.Moved.First(m => m.Task is null && m.Case is null).Customer;
        foreach (var h in crm.Queues.OwnerHistory(first))
            Step.Say($"{first} owner history: {h.At:yyyy-MM-dd} {h.Kind.ToString().ToLowerInvariant()} {h.From ?? "-"} -> {h.To} by {h.Actor} ({h.Note}).");
        var moved = crm.Cases.Get(request.Id);
        Step.Say($"Case {moved.Id}: {string.Join(" -> ", moved.History.Select(h => $"{h.Kind.ToString().ToLowerInvariant()} ({h.ToOwner ?? "-"})"))}.");
    }

    private static ServiceCase Open(CrmDatabase crm, CustomerCode customer, TaskPriority priority, string subject, IReadOnlyDictionary<CustomerCode, ValueTier> tiers)
    {
        var opened = crm.Cases.Open(customer, "complaint", priority, subject, Channel.Phone, "desk", tier: tiers[customer].Name);
        Step.Say($"Case {opened.Id} for {customer} ({tiers[customer].Name}): \"{subject}\"; {opened.Status.ToString().ToLowerInvariant()} to {opened.Owner}; "
            + $"first response due {opened.FirstResponseDue:yyyy-MM-dd HH:mm zzz}, resolution due {opened.ResolutionDue:yyyy-MM-dd HH:mm zzz}.");
        return opened;
    }

    private static void Attempt(CrmDatabase crm, ServiceCase serviceCase, AttemptOutcome outcome)
    {
        var result = crm.Cases.Attempt(serviceCase.Id, outcome, serviceCase.Owner ?? "desk");
        var next = result.Retry.NextAt is { } at ? $"; next try {at:yyyy-MM-dd HH:mm zzz}" : "";
        Step.Say($"Case {serviceCase.Id}: call by {result.Attempt.Actor}, {result.Attempt.OutcomeText}{next}; first response at {result.Case!.FirstResponseAt?.ToString("HH:mm zzz", CultureInfo.InvariantCulture) ?? "-"}.");
    }

    /// <summary>A renewal call for every customer with premiums of 5,000 or more, for its owner.</summary>
    private sealed class RenewalCall : ICareRule
    {
        public string Name => "renewal";

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) =>
            customer.Stats.MonetaryTotal >= 5_000m ? [new CareAction(now.Year.ToString(CultureInfo.InvariantCulture), now, Channel.Phone, TaskPriority.Normal)] : [];
    }
}
