namespace CrmKit;

/// <summary>The frequency cap's decision for one proposal.</summary>
/// <param name="Verdict">Admit, go over the cap, displace, or refuse.</param>
/// <param name="Displaced">The task to withdraw, for <see cref="CapVerdict.AdmitDisplacing"/>; null otherwise.</param>
/// <param name="Reason">The particulars in words: why the proposal was refused, or why the displaced task gives way.</param>
internal sealed record CapDecision(CapVerdict Verdict, CareTask? Displaced, string Reason);
