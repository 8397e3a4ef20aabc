namespace CrmKit;

/// <summary>One item of a work queue: an open care task or an active case. Immutable.</summary>
/// <param name="Kind">Task or case.</param>
/// <param name="Id">The task's or case's id.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Channel">The task's channel, or the channel the case came in on.</param>
/// <param name="Owner">Who holds it; null while it waits to be claimed.</param>
/// <param name="Team">The first team (in the routing's order) the owner belongs to; null for none.</param>
/// <param name="Due">
/// When it is due: a task's due time (moved to the next attempt after a failed one); a case's
/// first-response deadline until it is answered, then its resolution deadline.
/// </param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Subject">What it is about: a task's occasion key, a case's category and subject.</param>
/// <param name="Attempts">How many contact attempts it has had.</param>
public sealed record WorkItem(WorkItemKind Kind, long Id, CustomerCode Customer, Channel Channel, string? Owner, string? Team, DateTimeOffset Due,
    TaskPriority Priority, string Subject, int Attempts);
