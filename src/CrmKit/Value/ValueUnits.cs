namespace CrmKit.Value;

/// <summary>Checks and conversions for model time units.</summary>
internal static class ValueUnits
{
    /// <summary>Throws unless <paramref name="unit"/> is a positive whole number of days.</summary>
    public static void CheckUnit(TimeSpan unit, string parameterName = "unit")
    {
        if (unit <= TimeSpan.Zero || unit.Ticks % TimeSpan.TicksPerDay != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, unit, "The model time unit must be a positive whole number of days, for example 1 (days) or 7 (weeks).");
        }
    }

    /// <summary>Length of <paramref name="period"/> in model units; throws unless it is zero or more.</summary>
    public static double ToUnits(TimeSpan period, TimeSpan unit, string parameterName)
    {
        if (period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, period, "The period must be zero or longer.");
        }

        return period.Ticks / (double)unit.Ticks;
    }
}
