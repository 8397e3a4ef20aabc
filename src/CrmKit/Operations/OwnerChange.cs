namespace CrmKit;

/// <summary>
/// One recorded change of who holds a customer or a care task: who held it before and after, how
/// the change came about, when and by whom. Recorded once, never changed. Cases keep their owner
/// changes in their own history (<see cref="ServiceCase.History"/>). Immutable.
/// </summary>
/// <param name="Customer">The customer, or the customer of the task.</param>
/// <param name="Task">The care task's id; null when the customer's own owner changed.</param>
/// <param name="Kind">How the change came about.</param>
/// <param name="From">The owner before; null when there was none.</param>
/// <param name="To">The owner after; null when the item was released.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who made it (a person, or <c>routing</c> for an assignment rule).</param>
/// <param name="Note">Why, such as the rule that chose the owner or the reason for a transfer.</param>
public sealed record OwnerChange(CustomerCode Customer, long? Task, OwnerChangeKind Kind, string? From, string? To, DateTimeOffset At, string Actor, string? Note)
{
    /// <summary>The change's id in the store; 0 until it is stored.</summary>
    public long Id { get; init; }
}
