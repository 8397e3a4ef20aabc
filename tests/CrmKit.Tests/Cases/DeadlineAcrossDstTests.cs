namespace CrmKit.Tests.Cases;

/// <summary>
/// Case deadlines through a database whose working hours are in a zone that changes its offset over
/// the weekend: the deadline falls at the wall-clock time the working hours give, and the breach
/// escalates once, on the right side of it.
/// </summary>
public class DeadlineAcrossDstTests
{
    private static CaseDeadlinePolicy Policy(string zone) => new(
        BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById(zone)),
        [new CaseDeadlineRule("complaint", null, null, TimeSpan.FromHours(4), TimeSpan.FromHours(16)) { FirstResponseEscalation = new EscalationTarget("team-lead", "lead.wu") }]);

    [Theory]
    // Berlin springs forward on Sunday 28 March 2027: Friday 15:00 (+01:00) + 2 h Friday + 2 h Monday = Monday 11:00 (+02:00).
    [InlineData("Europe/Berlin", "2027-03-26T15:00:00+01:00", "2027-03-29T11:00:00+02:00")]
    // New York falls back on Sunday 7 November 2027: Friday 16:00 (-04:00) + 1 h Friday + 3 h Monday = Monday 12:00 (-05:00).
    [InlineData("America/New_York", "2027-11-05T16:00:00-04:00", "2027-11-08T12:00:00-05:00")]
    public void A_first_response_deadline_over_a_daylight_saving_weekend_falls_on_the_working_clock_and_escalates_once_after_it(string zone, string opened, string due)
    {
        var at = DateTimeOffset.Parse(opened, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        using var db = TestDatabase.InMemory(o => o with { CasePolicy = Policy(zone) });
        db.Clock.SetUtcNow(at);
        db.Crm.Customers.Create(new Customer("D1", "Over the weekend"));
        var c = db.Crm.Cases.Open("D1", "complaint", TaskPriority.Normal, "No answer yet", Channel.Phone, "desk");
        Assert.Equal(expected, c.FirstResponseDue);

        db.Clock.SetUtcNow(expected.AddMinutes(-1));
        Assert.Empty(db.Crm.Cases.Escalate());
        db.Clock.SetUtcNow(expected.AddMinutes(1));
        var escalated = Assert.Single(db.Crm.Cases.Escalate());
        Assert.Equal(("lead.wu", "team-lead"), (escalated.Owner, escalated.Level));
        db.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Empty(db.Crm.Cases.Escalate());
        Assert.Single(db.Crm.Cases.Get(c.Id).Escalations);
    }
}
