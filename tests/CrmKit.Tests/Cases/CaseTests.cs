namespace CrmKit.Tests.Cases;

/// <summary>A case's lifecycle, deadlines, escalation, resolution and figures.</summary>
public class CaseTests
{
    internal static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    internal static readonly DateTimeOffset Monday9 = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    internal static CaseDeadlinePolicy Policy { get; } = new(BusinessCalendar.Weekdays(Berlin),
    [
        new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(8), TimeSpan.FromHours(40))
        {
            FirstResponseEscalation = new("team-lead"),
            ResolutionEscalation = new("supervisor", "lead.kim"),
        },
        new CaseDeadlineRule("complaint", TaskPriority.Urgent, null, TimeSpan.FromMinutes(10), TimeSpan.FromHours(4)) { FirstResponseEscalation = new("duty-manager") },
        new CaseDeadlineRule("complaint", TaskPriority.Urgent, "vip", TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)) { FirstResponseEscalation = new(null, "vip.desk") },
    ]);

    internal static ServiceCase Complaint(TaskPriority priority = TaskPriority.Normal, string? tier = null) =>
        ServiceCase.Open("C-1", "complaint", priority, tier, "Invoice charged twice", Channel.Phone, Monday9, "front.desk", Policy);

    [Fact]
    public void Deadlines_come_from_the_most_specific_rule_in_working_time()
    {
        var normal = Complaint();
        Assert.Equal((Monday9.AddHours(8), new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.FromHours(1))), (normal.FirstResponseDue, normal.ResolutionDue));
        Assert.Equal(Monday9.AddMinutes(10), Complaint(TaskPriority.Urgent).FirstResponseDue);
        Assert.Equal(Monday9.AddMinutes(5), Complaint(TaskPriority.Urgent, "vip").FirstResponseDue);
        Assert.Equal(Monday9.AddMinutes(10), Complaint(TaskPriority.Urgent, "gold").FirstResponseDue);
    }

    [Fact]
    public void A_case_goes_from_open_to_closed_recording_every_change()
    {
        var c = Complaint()
            .Assign("ana", "front.desk", Monday9.AddMinutes(1))
            .Respond("ana", Monday9.AddMinutes(20), "called back, apologised")
            .AwaitCustomer("ana", Monday9.AddHours(1), "asked for the invoice number")
            .Start("ana", Monday9.AddHours(3), "invoice number received")
            .Transfer("omar", "ana", Monday9.AddHours(4), "billing team")
            .Resolve("billing-error", "refunded the double charge", "omar", Monday9.AddHours(5))
            .Close("omar", Monday9.AddDays(2));
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(Monday9.AddMinutes(20), c.FirstResponseAt);
        Assert.Equal(("billing-error", "omar"), (c.Resolution!.RootCause, c.Owner));
        Assert.Equal(
            [CaseChangeKind.Opened, CaseChangeKind.Assigned, CaseChangeKind.Responded, CaseChangeKind.AwaitingCustomer, CaseChangeKind.Resumed, CaseChangeKind.Transferred, CaseChangeKind.Resolved, CaseChangeKind.Closed],
            c.History.Select(h => h.Kind));
        Assert.Equal(("ana", "omar", CaseStatus.InProgress, CaseStatus.InProgress), (c.History[5].FromOwner, c.History[5].ToOwner, c.History[5].From, c.History[5].To));

        var reopened = c.Reopen("omar", Monday9.AddDays(3), "charged twice again");
        Assert.Equal((CaseStatus.Assigned, "omar", null), (reopened.Status, reopened.Owner, reopened.Resolution));
        Assert.Single(reopened.Resolutions);
    }

    [Fact]
    public void An_illegal_change_names_the_allowed_statuses()
    {
        var e = Assert.Throws<IllegalCaseTransitionException>(() => Complaint().Resolve("x", "y", "ana", Monday9));
        Assert.Equal([CaseStatus.Assigned], e.Allowed);
        Assert.Contains("Case 0 cannot be resolved while open. Allowed from open: assigned.", e.Message);
        var closed = Assert.Throws<IllegalCaseTransitionException>(() => Complaint().Assign("ana", "a", Monday9).Close("ana", Monday9));
        Assert.Equal([CaseStatus.InProgress, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved], closed.Allowed);
        Assert.Equal("at", Assert.Throws<CrmValidationException>(() => Complaint().Assign("ana", "a", Monday9.AddMinutes(-1))).Field);
        Assert.Equal("owner", Assert.Throws<CrmValidationException>(() => Complaint().Assign("ana", "a", Monday9).Transfer("ana", "a", Monday9)).Field);
    }

    [Fact]
    public void A_passed_deadline_escalates_once_to_its_level_or_owner()
    {
        var c = Complaint(TaskPriority.Urgent, "vip").Assign("ana", "desk", Monday9);
        Assert.Same(c, CaseEscalator.Apply(c, Monday9.AddMinutes(5), Policy));
        var escalated = CaseEscalator.Apply(c, Monday9.AddMinutes(6), Policy);
        Assert.Equal(("vip.desk", CaseDeadline.FirstResponse), (escalated.Owner, escalated.Escalations.Single().Deadline));
        Assert.Equal(CaseChangeKind.Escalated, escalated.History[^1].Kind);
        Assert.Same(escalated, CaseEscalator.Apply(escalated, Monday9.AddMinutes(7), Policy));
        Assert.Throws<CrmValidationException>(() => escalated.Escalate(CaseDeadline.FirstResponse, new("x"), "a", Monday9.AddMinutes(8)));
        Assert.Throws<CrmValidationException>(() => c.Escalate(CaseDeadline.Resolution, new("x"), "a", Monday9.AddMinutes(8)));

        var late = CaseEscalator.Apply(Complaint().Assign("ana", "desk", Monday9), Monday9.AddDays(10), Policy);
        Assert.Equal(("supervisor", "lead.kim", 2), (late.Level, late.Owner, late.Escalations.Count));
        var answered = Complaint().Assign("ana", "desk", Monday9).Respond("ana", Monday9.AddHours(1));
        Assert.Empty(CaseEscalator.Due(answered, Monday9.AddHours(9), Policy));
    }

    [Fact]
    public void A_resolution_proposes_a_satisfaction_check()
    {
        var resolved = Complaint().Assign("ana", "desk", Monday9).Resolve("late-delivery", "re-sent", "ana", Monday9.AddHours(2)).WithId(17);
        var action = CaseFollowUp.SatisfactionCheck(resolved, TimeSpan.FromDays(3));
        Assert.Equal(("case-17-1", Monday9.AddHours(2).AddDays(3), Channel.Phone, "ana"), (action.Occasion, action.Due, action.Channel, action.Owner));
        Assert.Contains("root cause late-delivery", action.Note);
        Assert.Equal("case", Assert.Throws<CrmValidationException>(() => CaseFollowUp.SatisfactionCheck(Complaint(), TimeSpan.Zero)).Field);
    }

    [Fact]
    public void Figures_count_age_deadlines_met_and_times_by_owner_and_category()
    {
        var now = Monday9.AddDays(4);
        var fast = Complaint().Assign("ana", "d", Monday9).Respond("ana", Monday9.AddHours(1)).Resolve("x", "", "ana", Monday9.AddHours(3));
        var slow = Complaint().Assign("ana", "d", Monday9).Respond("ana", Monday9.AddHours(30));
        var unanswered = ServiceCase.Open("C-2", "inquiry", TaskPriority.Low, null, "Opening hours?", Channel.Email, Monday9.AddDays(3), "d", Policy);
        var figures = CaseFigureCalculator.Compute([fast, slow, unanswered], now, CaseFigureCut.All).Single();
        Assert.Equal((3, 2), (figures.Cases, figures.Open));
        Assert.Equal([0, 1, 1, 0], figures.OpenByAge.Select(b => b.Count));   // aged exactly 1 day and 4 days
        Assert.Equal(new Rate(1, 3), figures.FirstResponseMet);   // slow answered late; the unanswered one was due Thursday 17:00
        Assert.Equal(new Rate(1, 1), figures.ResolutionMet);
        Assert.Equal((2, TimeSpan.FromHours(15.5), TimeSpan.FromHours(30)), (figures.TimeToFirstResponse!.Count, figures.TimeToFirstResponse.Median, figures.TimeToFirstResponse.Longest));
        var working = CaseFigureCalculator.Compute([slow], now, CaseFigureCut.All, calendar: Policy.Calendar).Single();
        Assert.Equal(TimeSpan.FromHours(8 + 6), working.TimeToFirstResponse!.Median);   // Monday 9–17, Tuesday 9–15
        var byOwner = CaseFigureCalculator.Compute([fast, slow, unanswered], now, CaseFigureCut.Owner);
        Assert.Equal(["(none)", "ana"], byOwner.Select(f => f.Key));
        Assert.Equal(["complaint", "inquiry"], CaseFigureCalculator.Compute([fast, unanswered], now, CaseFigureCut.Category).Select(f => f.Key));
    }
}
