namespace CrmKit;

/// <summary>
/// Runs stage rules for one customer at one instant: asks every rule, makes the first move the
/// model allows, and asks again from the new stage until no rule proposes a move. The changes
/// are recorded with the reason <c>rule NAME</c>; proposals the model does not allow are
/// reported and never forced. Pure: it reads the snapshot and writes nothing.
/// </summary>
/// <remarks>
/// Running to a fixpoint makes the evaluation idempotent: applying its changes and evaluating
/// again at the same instant proposes nothing. A prospect with two purchases thus moves to new
/// and on to growing in one evaluation, both changes at <c>now</c>.
/// </remarks>
internal static class StageRuleEvaluator
{
    /// <summary>The actor stage rules record their changes under.</summary>
    internal const string Actor = "stage-rules";

    internal static StageEvaluation Evaluate(CustomerSnapshot customer, StageModel model, IReadOnlyList<IStageRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = 0; i < rules.Count; i++)
            Require.Name((rules[i] ?? throw new CrmValidationException($"rules[{i}]", "is null.")).Name, $"rules[{i}].name");
        var changes = new List<StageChange>();
        var reports = new List<StageRuleReport>();
        var seen = new HashSet<(string, StageId, StageId?, StageRuleOutcome)>();
        var code = customer.Customer.Code;
        var current = customer;
        // Each step moves along an edge; a rule set that would loop stops after visiting every stage once.
        for (var step = 0; step <= model.Stages.Count; step++)
        {
            var from = current.Customer.Stage;
            StageChange? made = null;
            foreach (var rule in rules)
            {
                StageProposal? proposal;
                try
                {
                    proposal = rule.Propose(current, model, now);
                }
                catch (Exception e)
                {
                    Report(new StageRuleReport(rule.Name, code, from, null, StageRuleOutcome.Failed, e.Message));
                    continue;
                }
                if (proposal is null || proposal.To == from) continue;
                if (!model.Allows(from, proposal.To))
                {
                    Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.NotAllowed, Why(model, from, proposal.To)));
                    continue;
                }
                if (made is not null)
                {
                    Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.Superseded, $"'{made.Reason}' moved the customer to '{made.To}' first."));
                    continue;
                }
                made = new StageChange(code, from, proposal.To, now, "rule " + rule.Name, Actor);
                Report(new StageRuleReport(rule.Name, code, from, proposal.To, StageRuleOutcome.Applied, proposal.Note));
            }
            if (made is null) break;
            changes.Add(made);
            current = current with { Customer = current.Customer with { Stage = made.To, StageSince = now } };
        }
        return new StageEvaluation(current.Customer.Stage, changes, reports);

        void Report(StageRuleReport report)
        {
            // A failing rule usually fails again from the next stage; once per evaluation says enough.
            var key = report.Outcome == StageRuleOutcome.Failed ? (report.Rule, default, null, report.Outcome) : (report.Rule, report.From, report.To, report.Outcome);
            if (seen.Add(key)) reports.Add(report);
        }
    }

    private static string Why(StageModel model, StageId from, StageId to)
    {
        if (!model.Contains(to)) return $"The model has no stage '{to}'.";
        var allowed = string.Join(", ", model.AllowedFrom(from).Select(s => $"'{s}'"));
        return $"The model does not allow '{from}' → '{to}'. Allowed from '{from}': {(allowed.Length == 0 ? "none" : allowed)}.";
    }
}
