namespace CrmKit;

/// <summary>What a bulk reassignment of a leaving owner's book moved, all in one transaction.</summary>
/// <param name="From">The leaving owner.</param>
/// <param name="Moved">Every customer, open care task and active case moved, customers first, then tasks, then cases, each by code or id.</param>
public sealed record ReassignResult(string From, IReadOnlyList<Reassignment> Moved)
{
    /// <summary>How many customers moved.</summary>
    public int Customers => Moved.Count(m => m.Task is null && m.Case is null);

    /// <summary>How many open care tasks moved.</summary>
    public int Tasks => Moved.Count(m => m.Task is not null);

    /// <summary>How many active cases moved.</summary>
    public int Cases => Moved.Count(m => m.Case is not null);
}
