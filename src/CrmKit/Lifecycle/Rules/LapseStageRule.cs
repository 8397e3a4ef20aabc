using System.Globalization;

namespace CrmKit;

/// <summary>
/// A customer in one of <c>from</c> whose time since the last purchase exceeds <c>factor</c>
/// times their usual gap moves to <c>to</c>: the declining and churned rules, with different
/// factors.
/// </summary>
internal sealed class LapseStageRule(string name, StageId[] from, StageId to, double factor, TimeSpan minimumGap) : IStageRule
{
    public string Name => name;

    public StageProposal? Propose(CustomerSnapshot customer, StageModel model, DateTimeOffset now)
    {
        if (!from.Contains(customer.Customer.Stage)) return null;
        if (PurchaseRhythm.UsualGap(customer.Stats, minimumGap) is not { } usual || customer.Stats.LastPurchaseAt is not { } last) return null;
        var silence = now - last;
        if (silence <= usual * factor) return null;
        return new StageProposal(to, string.Create(CultureInfo.InvariantCulture,
            $"usual gap {usual.TotalDays:0.#} days; {silence.TotalDays:0.#} days since the last purchase (more than {factor:0.##} times)"));
    }
}
