namespace CrmKit;

/// <summary>What the frequency cap decides for a new proposal.</summary>
internal enum CapVerdict
{
    /// <summary>There is room under the cap.</summary>
    Admit,

    /// <summary>The cap is full, but the proposal is urgent and goes over it.</summary>
    AdmitOverCap,

    /// <summary>The cap is full; the proposal takes the place of a lower-priority task, which is withdrawn.</summary>
    AdmitDisplacing,

    /// <summary>The cap is full and nothing may give way: the proposal is suppressed.</summary>
    Refuse,
}
