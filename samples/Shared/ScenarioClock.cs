using System.Globalization;

namespace CrmKit.Samples;

/// <summary>The clock a scenario runs on: it starts at a fixed instant and moves only when told, so every run prints the same story.</summary>
internal sealed class ScenarioClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;

    /// <summary>Today's date on the clock, for printing.</summary>
    public string Today => _now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
