namespace CrmKit;

/// <summary>The satisfaction check that follows a resolved case, proposed as a care action for the care engine to schedule.</summary>
internal static class CaseFollowUp
{
    /// <summary>The rule name the follow-up's occasion key is made with: <c>case-satisfaction:case-{id}-{n}</c>.</summary>
    internal const string RuleName = "case-satisfaction";

    /// <summary>
    /// A satisfaction call or message <paramref name="delay"/> after the resolution, on the case's
    /// own channel unless another is given, for the case's owner. Each resolution of a reopened case
    /// gets its own occasion.
    /// </summary>
    /// <exception cref="CrmValidationException">The case is not resolved or closed, or the delay is negative.</exception>
    internal static CareAction SatisfactionCheck(ServiceCase serviceCase, TimeSpan delay, Channel? channel = null)
    {
        ArgumentNullException.ThrowIfNull(serviceCase);
        if (serviceCase.Resolution is not { } resolution)
            throw new CrmValidationException("case", $"case {serviceCase.Id} is {serviceCase.Status.ToString().ToLowerInvariant()}, not resolved.");
        if (delay < TimeSpan.Zero) throw new CrmValidationException("delay", $"{delay} is negative.");
        var occasion = $"case-{serviceCase.Id}-{serviceCase.Resolutions.Count}";
        return new CareAction(occasion, resolution.At + delay, channel ?? serviceCase.Channel)
        {
            Owner = serviceCase.Owner,
            Note = $"Satisfaction check for case {serviceCase.Id} ({serviceCase.Category}: {serviceCase.Subject}); root cause {resolution.RootCause}.",
        };
    }
}
