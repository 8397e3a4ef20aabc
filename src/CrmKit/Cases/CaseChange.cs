namespace CrmKit;

/// <summary>
/// One recorded change of a case: who, when, the status and owner before and after, and a note.
/// A case's changes form a contiguous chain: the first has no <see cref="From"/> (the opening), and
/// each later one starts in the status and with the owner the previous ended with.
/// </summary>
/// <param name="Kind">What the change was.</param>
/// <param name="From">The status before; null for the opening.</param>
/// <param name="To">The status after.</param>
/// <param name="FromOwner">The owner before.</param>
/// <param name="ToOwner">The owner after.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Note">Why, or what was said.</param>
public sealed record CaseChange(CaseChangeKind Kind, CaseStatus? From, CaseStatus To, string? FromOwner, string? ToOwner, DateTimeOffset At, string Actor, string? Note);
