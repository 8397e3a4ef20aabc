using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Stage rules inside a sweep's write: each chunk of customers is evaluated as it streams by
/// (<see cref="Evaluate"/>, which hands back the customers in their new stages so care rules asked
/// after it see them there), and the changes are recorded once the scan is done
/// (<see cref="RecordAsync"/>), through the same path as a change by hand.
/// </summary>
internal sealed class StageSweep(CrmContext context, IReadOnlyList<IStageRule> rules, DateTimeOffset at)
{
    private readonly List<(Customer Before, StageEvaluation Evaluation)> _moved = [];
    private readonly List<(CustomerCode Customer, StageRuleReport Report)> _reports = [];
    private int _evaluated;

    /// <summary>What the rules read beyond the profile and stats.</summary>
    internal SnapshotNeeds Needs { get; } = SnapshotNeeds.Of(rules.Select(r => r.Needs));

    /// <summary>Evaluates a chunk; returns it with the customers that moved in their new stage.</summary>
    internal IReadOnlyList<CustomerSnapshot> Evaluate(IReadOnlyList<CustomerSnapshot> chunk)
    {
        // A customer whose stage changed after the sweep's instant is left as it is: the rules
        // would judge it as of a moment before its current stage began.
        var asked = chunk.Where(c => c.Customer.StageSince <= at).ToArray();
        _evaluated += asked.Length;
        if (asked.Length == 0) return chunk;
        var results = StageRuleEvaluator.EvaluateAll(asked, context.Options.Stages, rules, at);
        Dictionary<CustomerCode, CustomerSnapshot>? moved = null;
        for (var i = 0; i < asked.Length; i++)
        {
            var result = results[i];
            foreach (var report in result.Reports)
                if (report.Outcome != StageRuleOutcome.Applied) _reports.Add((asked[i].Customer.Code, report));
            if (result.Changes.Count == 0) continue;
            _moved.Add((asked[i].Customer, result));
            (moved ??= [])[asked[i].Customer.Code] = asked[i] with { Customer = asked[i].Customer with { Stage = result.Stage, StageSince = at } };
        }
        return moved is null ? chunk : [.. chunk.Select(c => moved.GetValueOrDefault(c.Customer.Code) ?? c)];
    }

    /// <summary>Records every change the evaluated chunks made, in customer code order.</summary>
    internal async ValueTask<StageRuleRun> RecordAsync(IStoreSession store, CancellationToken ct)
    {
        _moved.Sort((a, b) => string.CompareOrdinal(a.Before.Code.Value, b.Before.Code.Value));
        var changes = new List<StageChange>();
        foreach (var (before, evaluation) in _moved)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var change in evaluation.Changes) await store.Stages.AppendAsync(change, ct).ConfigureAwait(false);
            await store.Customers.UpdateAsync(before with { Stage = evaluation.Stage, StageSince = at }, before.Version, ct).ConfigureAwait(false);
            changes.AddRange(evaluation.Changes);
        }
        var reports = _reports.OrderBy(r => r.Customer.Value, StringComparer.Ordinal).Select(r => r.Report).ToArray();
        return new StageRuleRun(at, _evaluated, changes, reports);
    }
}
