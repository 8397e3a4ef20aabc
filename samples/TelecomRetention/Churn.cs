using CrmKit;

namespace CrmKit.Samples;

/// <summary>The churn rate over a period, from the stage history.</summary>
/// <param name="AtStart">Customers who existed at the start of the period.</param>
/// <param name="Churned">Of those, how many moved to the churned stage during the period.</param>
/// <param name="WonBack">Of the churned, how many were won back by the end.</param>
internal sealed record Churn(int AtStart, int Churned, int WonBack)
{
    /// <summary>Counts churn between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static Churn Over(CrmDatabase crm, DateTimeOffset from, DateTimeOffset to)
    {
        var atStart = crm.Customers.All(new PageRequest(0, 1_000)).Items.Where(c => c.CreatedAt <= from).ToList();
        var churned = 0;
        var wonBack = 0;
        foreach (var customer in atStart)
        {
            var history = crm.Lifecycle.History(customer.Code).Where(h => h.At >= from && h.At <= to).ToList();
            var left = history.FindIndex(h => h.To == "churned");
            if (left < 0) continue;
            churned++;
            if (history.Skip(left + 1).Any(h => h.To == "won-back")) wonBack++;
        }
        return new Churn(atStart.Count, churned, wonBack);
    }
}
