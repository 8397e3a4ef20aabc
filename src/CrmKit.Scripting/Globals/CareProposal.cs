namespace CrmKit.Scripting;

/// <summary>One care action a care script proposes for a customer; the engine turns it into a care task.</summary>
/// <param name="Occasion">Why, as a lower-case name such as <c>birthday</c> or <c>renewal</c>; part of the task's dedup key.</param>
/// <param name="Due">When the action is due.</param>
/// <param name="Channel">The preferred channel (for example <c>sms</c>), or null to let the engine choose.</param>
/// <param name="Priority">How urgent the action is.</param>
/// <param name="Note">A short note for the person doing it, or null.</param>
public sealed record CareProposal(string Occasion, DateTimeOffset Due, string? Channel, CarePriority Priority, string? Note);
