namespace CrmKit;

/// <summary>A holiday on a fixed month and day, such as new year (1, 1).</summary>
/// <param name="Name">A lower-case name, for example <c>new-year</c>; part of the occasion key.</param>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">1 to the month's length (29 February falls on 28 February in common years).</param>
public sealed record Holiday(string Name, int Month, int Day)
{
    internal Holiday Checked()
    {
        Require.Identifier(Name, "holiday.name");
        if (Month is < 1 or > 12) throw new CrmValidationException("holiday.month", $"{Month} is outside 1 to 12.");
        if (Day < 1 || Day > DateTime.DaysInMonth(2024, Month)) throw new CrmValidationException("holiday.day", $"{Day} is not a day of month {Month}.");
        return this;
    }
}
