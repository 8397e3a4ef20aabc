namespace CrmKit;

/// <summary>How priority meets a full frequency cap. In both modes an urgent task is never dropped because other tasks filled the cap.</summary>
public enum CapPriorityMode
{
    /// <summary>An urgent task goes over the cap; any other task waits for room as before.</summary>
    UrgentBypassesCap,

    /// <summary>
    /// A task displaces the lowest-priority open task on the channel that has lower priority than
    /// itself and has not been attempted yet; that task is withdrawn and reported. An urgent task that
    /// finds nothing to displace still goes over the cap.
    /// </summary>
    HigherPriorityDisplaces,
}
