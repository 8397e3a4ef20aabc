using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Jobs;

/// <summary>The scheduled case-escalation job escalates a passed deadline without anyone running a command, and only once.</summary>
public class CaseEscalationJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 11, 8, 0, 0, TimeSpan.Zero);

    private static readonly CaseDeadlinePolicy Policy = new(
        BusinessCalendar.AlwaysOpen(TimeZoneInfo.Utc),
        [new CaseDeadlineRule("complaint", null, null, TimeSpan.FromMinutes(10), TimeSpan.FromHours(4))
        {
            FirstResponseEscalation = new EscalationTarget("supervisor", "lead.wu"),
        }]);

    [Fact]
    public async Task A_passed_first_response_deadline_escalates_on_the_next_run_and_later_runs_escalate_it_no_more()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(Start);
        using var host = TestHost.Build(clock, new LogSink(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.CasePolicy = Policy;
            o.Schedule("case-escalation", Every.Minutes(15));
        }));
        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        crm.Customers.Create(new Customer("D-1", "Wang Fang"));
        var opened = crm.Cases.Open("D-1", "complaint", TaskPriority.High, "Reply promised within 10 minutes", Channel.Phone, "desk");
        crm.Cases.Assign(opened.Id, "sales.li", "desk");
        var board = host.Services.GetRequiredService<JobStatusBoard>();

        var first = Start.AddMinutes(15);
        await Wait.Until(() => board.Find("case-escalation")?.NextDue == first, "the job waits for its first run");
        clock.SetUtcNow(first);
        await Wait.Until(() => board.Find("case-escalation") is { Running: false } j && j.LastDue == first, "the first run ends");
        var escalated = crm.Cases.Get(opened.Id);
        Assert.Equal(("lead.wu", "supervisor"), (escalated.Owner, escalated.Level));
        Assert.Equal(CaseDeadline.FirstResponse, Assert.Single(escalated.Escalations).Deadline);

        var second = first.AddMinutes(15);
        await Wait.Until(() => board.Find("case-escalation")?.NextDue == second, "the job waits for its second run");
        clock.SetUtcNow(second);
        await Wait.Until(() => board.Find("case-escalation") is { Running: false } j && j.LastDue == second, "the second run ends");
        Assert.Single(crm.Cases.Get(opened.Id).Escalations);
        await host.StopAsync();
    }
}
