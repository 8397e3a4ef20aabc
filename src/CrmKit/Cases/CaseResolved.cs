namespace CrmKit;

/// <summary>A case just resolved, and the satisfaction check proposed for it (null when the contact policy held it back).</summary>
/// <param name="Case">The resolved case.</param>
/// <param name="FollowUp">The satisfaction-check care task, or null.</param>
public sealed record CaseResolved(ServiceCase Case, CareTask? FollowUp);
