namespace CrmKit.Hosting.Scheduling;

/// <summary>Daily schedules: <c>Daily.At("06:00", "Europe/Paris")</c>.</summary>
public static class Daily
{
    /// <summary>
    /// Once a day at <paramref name="timeOfDay"/> (<c>HH:mm</c> or <c>HH:mm:ss</c>) in the IANA time zone
    /// <paramref name="timeZone"/>. A time skipped by a daylight-saving change runs as if the clocks had
    /// not moved yet (02:30 in a skipped hour runs at 03:30); a time that occurs twice runs once, the first time.
    /// </summary>
    /// <exception cref="ArgumentException">The time of day or the time zone is not valid.</exception>
    public static JobSchedule At(string timeOfDay, string timeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(timeOfDay);
        ArgumentNullException.ThrowIfNull(timeZone);
        return JobSchedule.TryCreate(new JobScheduleOptions { At = timeOfDay, TimeZone = timeZone }, out var error)
            ?? throw new ArgumentException(error!.TrimStart(':', ' ') + ".", error!.Contains("TimeZone", StringComparison.Ordinal) ? nameof(timeZone) : nameof(timeOfDay));
    }
}
