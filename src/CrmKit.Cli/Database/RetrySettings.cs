using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>The retry policy as written in the settings file: <c>{ "maxAttempts": 3, "intervals": ["4h", "1d"] }</c>. A missing key keeps the library's default.</summary>
internal sealed record RetrySettings
{
    /// <summary>The most attempts per task, 1 to 50.</summary>
    [JsonPropertyName("maxAttempts")]
    public int? MaxAttempts { get; init; }

    /// <summary>The waits between attempts (the last repeats), such as <c>4h</c> and <c>1d</c>.</summary>
    [JsonPropertyName("intervals")]
    public List<string>? Intervals { get; init; }

    /// <exception cref="CrmValidationException">A value is out of range or not a duration; the field names the key.</exception>
    internal RetryPolicy ToPolicy()
    {
        var policy = RetryPolicy.Default;
        if (MaxAttempts is { } max)
        {
            if (max is < 1 or > 50) throw new CrmValidationException("contactPolicy.retry.maxAttempts", $"{max} is not between 1 and 50.");
            policy = policy with { MaxAttempts = max };
        }
        if (Intervals is not null) policy = policy with { Intervals = [.. Intervals.Select(i => ContactPolicySettings.ParseDuration(i, "retry.intervals"))] };
        return policy;
    }
}
