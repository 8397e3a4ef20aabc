namespace CrmKit;

/// <summary>One thing a reassignment moved: a customer (no task, no case), a care task or a case, and its new owner.</summary>
/// <param name="Customer">The customer, or the task's or case's customer.</param>
/// <param name="Task">The care task's id, or null.</param>
/// <param name="Case">The case's id, or null.</param>
/// <param name="To">The new owner.</param>
public sealed record Reassignment(CustomerCode Customer, long? Task, long? Case, string To);
