namespace CrmKit;

/// <summary>A recorded escalation: which deadline passed, when it was due, when the case was escalated and to whom.</summary>
/// <param name="Deadline">The deadline that passed.</param>
/// <param name="Due">When it was due.</param>
/// <param name="At">When the case was escalated.</param>
/// <param name="Target">The level or owner it went to.</param>
/// <param name="Actor">Who (or which job) escalated it.</param>
public sealed record CaseEscalation(CaseDeadline Deadline, DateTimeOffset Due, DateTimeOffset At, EscalationTarget Target, string Actor);
