namespace CrmKit;

/// <summary>
/// The A/B comparison of a campaign's two best offers by intent-to-treat response rate.
/// <see cref="Winner"/> is set only when the 95% interval of the difference excludes zero.
/// </summary>
/// <param name="Best">The offer with the highest response rate.</param>
/// <param name="RunnerUp">The offer with the next highest.</param>
/// <param name="Difference">Response rate, best − runner-up, Newcombe's hybrid score interval.</param>
public sealed record AbTestResult(string Best, string RunnerUp, ConfidenceInterval Difference)
{
    /// <summary>The winning offer, or null when the data cannot tell the two apart.</summary>
    public string? Winner => Difference.Low > 0 ? Best : null;
}
