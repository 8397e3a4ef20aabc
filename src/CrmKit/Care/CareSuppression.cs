namespace CrmKit;

/// <summary>A proposed care action the contact policy held back, or a task it withdrew, and why.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Rule">The rule that proposed the action.</param>
/// <param name="OccasionKey">The occasion key, such as <c>birthday:2026</c>.</param>
/// <param name="Channel">The channel that was not used.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">The particulars in words, for example <c>2 tasks on sms within 7.00:00:00</c>.</param>
/// <param name="At">The sweep instant (or when the closed loop withdrew the task).</param>
public sealed record CareSuppression(CustomerCode Customer, string Rule, string OccasionKey, Channel Channel, SuppressionReason Reason, string Detail, DateTimeOffset At);
