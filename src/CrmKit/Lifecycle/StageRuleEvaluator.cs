namespace CrmKit;

/// <summary>
/// Runs stage rules for customers at one instant: asks every rule, makes the first move the model
/// allows, and asks again from the new stage until no rule proposes a move. The changes are
/// recorded with the reason <c>rule NAME</c>; proposals the model does not allow are reported and
/// never forced. Pure: it reads the snapshots and writes nothing.
/// </summary>
/// <remarks>
/// Running to a fixpoint makes the evaluation idempotent: applying its changes and evaluating
/// again at the same instant proposes nothing. A prospect with two purchases thus moves to new
/// and on to growing in one evaluation, both changes at <c>now</c>. A chunk of customers is asked
/// together, one batch per rule and step (<see cref="IStageRule.ProposeAll"/>), so a scripted rule
/// evaluated in a worker process makes one round trip per step, not one per customer.
/// </remarks>
internal static class StageRuleEvaluator
{
    /// <summary>The actor stage rules record their changes under.</summary>
    internal const string Actor = "stage-rules";

    internal static StageEvaluation Evaluate(CustomerSnapshot customer, StageModel model, IReadOnlyList<IStageRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return EvaluateAll([customer], model, rules, now)[0];
    }

    /// <summary>One evaluation per customer of <paramref name="customers"/>, in order.</summary>
    internal static StageEvaluation[] EvaluateAll(IReadOnlyList<CustomerSnapshot> customers, StageModel model, IReadOnlyList<IStageRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = 0; i < rules.Count; i++)
            Require.Name((rules[i] ?? throw new CrmValidationException($"rules[{i}]", "is null.")).Name, $"rules[{i}].name");
        var states = new State[customers.Count];
        for (var i = 0; i < states.Length; i++) states[i] = new State(customers[i] ?? throw new ArgumentNullException(nameof(customers)));
        var active = Enumerable.Range(0, states.Length).ToList();
        // Each step moves along an edge; a rule set that would loop stops after visiting every stage once.
        for (var step = 0; step <= model.Stages.Count && active.Count > 0; step++)
        {
            var snapshots = active.Select(i => states[i].Current).ToArray();
            var made = new StageChange?[active.Count];
            foreach (var rule in rules)
            {
                var outcomes = Ask(rule, snapshots, model, now);
                for (var j = 0; j < active.Count; j++) states[active[j]].Consider(rule, outcomes[j], model, ref made[j], now);
            }
            var next = new List<int>();
            for (var j = 0; j < active.Count; j++)
            {
                if (made[j] is not { } change) continue;
                states[active[j]].Move(change, now);
                next.Add(active[j]);
            }
            active = next;
        }
        return [.. states.Select(s => new StageEvaluation(s.Current.Customer.Stage, s.Changes, s.Reports))];
    }

    private static Outcome<StageProposal?>[] Ask(IStageRule rule, CustomerSnapshot[] snapshots, StageModel model, DateTimeOffset now)
    {
        Outcome<StageProposal?>[] outcomes;
        try
        {
            outcomes = rule.ProposeAll(snapshots, model, now);
        }
        catch (Exception e)
        {
            return [.. snapshots.Select(_ => Outcome<StageProposal?>.Failed(e))];
        }
        if (outcomes is null || outcomes.Length != snapshots.Length)
        {
            var wrong = new InvalidOperationException($"Stage rule '{rule.Name}' answered {outcomes?.Length ?? 0} proposals for {snapshots.Length} customers.");
            return [.. snapshots.Select(_ => Outcome<StageProposal?>.Failed(wrong))];
        }
        return outcomes;
    }

    /// <summary>One customer's evaluation as it goes: where it stands, the changes made and the reports.</summary>
    private sealed class State(CustomerSnapshot customer)
    {
        private readonly HashSet<(string, StageId, StageId?, StageRuleOutcome)> _seen = [];

        internal CustomerSnapshot Current { get; private set; } = customer;

        internal List<StageChange> Changes { get; } = [];

        internal List<StageRuleReport> Reports { get; } = [];

        internal void Consider(IStageRule rule, Outcome<StageProposal?> outcome, StageModel model, ref StageChange? made, DateTimeOffset now)
        {
            var code = Current.Customer.Code;
            var from = Current.Customer.Stage;
            if (outcome.Error is { } error)
            {
                Report(new StageRuleReport(rule.Name, code, from, null, StageRuleOutcome.Failed, error.Message));
                return;
            }
            var proposal = outcome.Value;
            if (proposal is null || proposal.To == from) return;
            if (!model.Allows(from, proposal.To))
            {
                Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.NotAllowed, Why(model, from, proposal.To)));
                return;
            }
            if (made is not null)
            {
                Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.Superseded, $"'{made.Reason}' moved the customer to '{made.To}' first."));
                return;
            }
            made = new StageChange(code, from, proposal.To, now, "rule " + rule.Name, Actor);
            Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.Applied, proposal.Note));
        }

        internal void Move(StageChange change, DateTimeOffset now)
        {
            Changes.Add(change);
            Current = Current with { Customer = Current.Customer with { Stage = change.To, StageSince = now } };
        }

        private void Report(StageRuleReport report)
        {
            // A failing rule usually fails again from the next stage; once per evaluation says enough.
            var key = report.Outcome == StageRuleOutcome.Failed ? (report.Rule, default, null, report.Outcome) : (report.Rule, report.From, report.To, report.Outcome);
            if (_seen.Add(key)) Reports.Add(report);
        }
    }

    private static string Why(StageModel model, StageId from, StageId to)
    {
        if (!model.Contains(to)) return $"The model has no stage '{to}'.";
        var allowed = string.Join(", ", model.AllowedFrom(from).Select(s => $"'{s}'"));
        return $"The model does not allow '{from}' → '{to}'. Allowed from '{from}': {(allowed.Length == 0 ? "none" : allowed)}.";
    }
}
