using System.Globalization;
using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>
/// The contact policy as written in the settings file. Durations are a whole number with a unit,
/// <c>d</c> (days), <c>h</c> (hours) or <c>m</c> (minutes): <c>7d</c>, <c>36h</c>, <c>90m</c>.
/// Times of day are 24-hour <c>HH:mm</c>: <c>21:00</c>. A missing key keeps the library's default.
/// </summary>
internal sealed record ContactPolicySettings
{
    /// <summary>The most care tasks one customer may get on one channel within the cap window.</summary>
    [JsonPropertyName("maxPerChannel")]
    public int? MaxPerChannel { get; init; }

    /// <summary>The frequency cap's window, such as <c>7d</c>.</summary>
    [JsonPropertyName("capWindow")]
    public string? CapWindow { get; init; }

    /// <summary>Local time at which quiet hours start, such as <c>21:00</c>.</summary>
    [JsonPropertyName("quietStart")]
    public string? QuietStart { get; init; }

    /// <summary>Local time at which quiet hours end, such as <c>09:00</c>.</summary>
    [JsonPropertyName("quietEnd")]
    public string? QuietEnd { get; init; }

    /// <summary>Whether a channel needs a recorded opt-in (otherwise only an opt-out blocks it).</summary>
    [JsonPropertyName("requireOptIn")]
    public bool? RequireOptIn { get; init; }

    /// <summary>How long after its due time an open task expires, such as <c>14d</c>.</summary>
    [JsonPropertyName("expireAfter")]
    public string? ExpireAfter { get; init; }

    /// <summary>How priorities meet a full cap: <c>urgent-bypasses-cap</c> (the default) or <c>higher-priority-displaces</c>.</summary>
    [JsonPropertyName("priorityMode")]
    public string? PriorityMode { get; init; }

    /// <summary>How many contact attempts a task gets and how far apart.</summary>
    [JsonPropertyName("retry")]
    public RetrySettings? Retry { get; init; }

    internal static ContactPolicySettings From(ContactPolicy policy) => new()
    {
        PriorityMode = CareNames.Name(policy.Priority.Mode),
        Retry = new RetrySettings { MaxAttempts = policy.Retry.MaxAttempts, Intervals = [.. policy.Retry.Intervals.Select(Duration)] },
        MaxPerChannel = policy.MaxPerChannel,
        CapWindow = Duration(policy.CapWindow),
        QuietStart = policy.QuietStart.ToString("HH:mm", CultureInfo.InvariantCulture),
        QuietEnd = policy.QuietEnd.ToString("HH:mm", CultureInfo.InvariantCulture),
        RequireOptIn = policy.RequireOptIn,
        ExpireAfter = Duration(policy.ExpireAfter),
    };

    /// <exception cref="CrmValidationException">A value is out of range or not in its format; the field names the key.</exception>
    internal ContactPolicy ToPolicy()
    {
        var policy = ContactPolicy.Default;
        if (MaxPerChannel is { } max)
        {
            if (max < 1) throw new CrmValidationException("contactPolicy.maxPerChannel", $"{max} is less than 1; at least one task per channel must be allowed.");
            policy = policy with { MaxPerChannel = max };
        }
        if (CapWindow is not null) policy = policy with { CapWindow = ParseDuration(CapWindow, "capWindow") };
        if (QuietStart is not null) policy = policy with { QuietStart = ParseTime(QuietStart, "quietStart") };
        if (QuietEnd is not null) policy = policy with { QuietEnd = ParseTime(QuietEnd, "quietEnd") };
        if (RequireOptIn is { } optIn) policy = policy with { RequireOptIn = optIn };
        if (ExpireAfter is not null) policy = policy with { ExpireAfter = ParseDuration(ExpireAfter, "expireAfter") };
        if (PriorityMode is not null)
        {
            var mode = Enum.GetValues<CapPriorityMode>().Where(m => CareNames.Name(m) == PriorityMode).Select(m => (CapPriorityMode?)m).FirstOrDefault()
                ?? throw new CrmValidationException("contactPolicy.priorityMode", $"\"{PriorityMode}\" is not a mode; write urgent-bypasses-cap or higher-priority-displaces.");
            policy = policy with { Priority = new PriorityPolicy { Mode = mode } };
        }
        if (Retry is not null) policy = policy with { Retry = Retry.ToPolicy() };
        return policy;
    }

    /// <summary>A positive whole number of days, hours or minutes: <c>7d</c>, <c>36h</c>, <c>90m</c>.</summary>
    internal static TimeSpan ParseDuration(string text, string key, string section = "contactPolicy")
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        var digits = text.Length > 1 ? text[..^1] : "";
        if (unit is 'd' or 'h' or 'm' && digits.All(char.IsAsciiDigit) &&
            int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000)
        {
            return unit switch { 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), _ => TimeSpan.FromMinutes(n) };
        }
        throw new CrmValidationException(section + "." + key,
            $"\"{text}\" is not a duration; write a positive whole number of days, hours or minutes such as \"7d\", \"36h\" or \"90m\".");
    }

    /// <summary>A 24-hour time of day, <c>HH:mm</c>.</summary>
    internal static TimeOnly ParseTime(string text, string key) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new CrmValidationException("contactPolicy." + key, $"\"{text}\" is not a time of day; write 24-hour HH:mm such as \"21:00\".");

    /// <summary>The largest whole unit that writes <paramref name="span"/> exactly.</summary>
    internal static string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? Invariant($"{span.Ticks / TimeSpan.TicksPerDay}d")
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? Invariant($"{span.Ticks / TimeSpan.TicksPerHour}h")
        : Invariant($"{(long)Math.Ceiling(span.TotalMinutes)}m");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
