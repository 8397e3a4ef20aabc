using System.Globalization;

namespace CrmKit;

/// <summary>
/// Decides, as a pure function, whether a new proposal fits a customer's frequency cap on one
/// channel given the tasks already counted against it, and what gives way when it does not.
/// </summary>
internal static class CapArbiter
{
    /// <summary>Decides for a proposal of <paramref name="priority"/>.</summary>
    /// <param name="counted">The tasks already counted against the cap on this channel and window (open, done or declined).</param>
    /// <param name="attempted">Ids of tasks that have had a contact attempt; those are never displaced.</param>
    /// <param name="priority">The proposal's priority.</param>
    /// <param name="occasion">The proposal's occasion key, for the reasons.</param>
    /// <param name="cap">The most tasks allowed (<see cref="ContactPolicy.MaxPerChannel"/>).</param>
    /// <param name="policy">How priorities meet a full cap.</param>
    internal static CapDecision Decide(IReadOnlyCollection<CareTask> counted, IReadOnlySet<long> attempted, TaskPriority priority, string occasion, int cap, PriorityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(attempted);
        ArgumentNullException.ThrowIfNull(policy);
        if (counted.Count < cap) return new(CapVerdict.Admit, null, string.Create(CultureInfo.InvariantCulture, $"{counted.Count} of {cap} used"));

        if (policy.Mode == CapPriorityMode.HigherPriorityDisplaces)
        {
            var victim = counted
                .Where(t => t.Status == CareTaskStatus.Open && t.Priority < priority && !attempted.Contains(t.Id))
                .OrderBy(t => t.Priority).ThenByDescending(t => t.Due).ThenByDescending(t => t.Id)
                .FirstOrDefault();
            if (victim is not null)
                return new(CapVerdict.AdmitDisplacing, victim,
                    $"displaced by {Name(priority)} occasion '{occasion}': {Name(victim.Priority)} and not yet attempted, with the cap of {cap} full");
        }
        if (priority == TaskPriority.Urgent)
            return new(CapVerdict.AdmitOverCap, null, string.Create(CultureInfo.InvariantCulture, $"urgent: over the cap of {cap} ({counted.Count} counted)"));
        return new(CapVerdict.Refuse, null, string.Create(CultureInfo.InvariantCulture, $"{counted.Count} task(s) counted; the cap is {cap} and none may give way to {Name(priority)}"));
    }

    private static string Name(TaskPriority priority) => priority.ToString().ToLowerInvariant();
}
