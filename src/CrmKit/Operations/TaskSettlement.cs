namespace CrmKit;

/// <summary>One occasion a single contact settled: the task and its own outcome.</summary>
/// <param name="Task">The open care task.</param>
/// <param name="Outcome">How the contact went for this occasion (for example <c>renewed</c>), or why the customer declined it.</param>
/// <param name="Declined">True when the customer declined the occasion; the task then becomes declined rather than done.</param>
public sealed record TaskSettlement(long Task, string Outcome, bool Declined = false);
