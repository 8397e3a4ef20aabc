using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Scheduling;

public class SchedulerTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Action<HostApplicationBuilder> Configure(TempFolder folder, JobLedger ledger, JobSchedule schedule) => b =>
    {
        b.Services.AddSingleton(ledger);
        b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.Schedule(RecordingJob.JobName, schedule);
        });
        b.Services.AddCrmJob<RecordingJob>();
    };

    private static JobStatus? Status(TestHost host) => host.Services.GetRequiredService<JobStatusBoard>().Find(RecordingJob.JobName);

    private static Task NextDue(TestHost host, DateTimeOffset due) =>
        Wait.Until(() => Status(host)?.NextDue == due, $"the job waits for {due:O} (it waits for {Status(host)?.NextDue:O})");

    private static Task RunEnded(TestHost host, DateTimeOffset due) =>
        Wait.Until(() => Status(host) is { Running: false } s && s.LastDue == due, $"the run due at {due:O} ends");

    [Theory]
    [InlineData(3, 27, new[] { "2026-03-28T01:30Z", "2026-03-29T01:30Z", "2026-03-30T00:30Z" })] // clocks go forward on 29 March
    [InlineData(10, 24, new[] { "2026-10-25T00:30Z", "2026-10-26T01:30Z", "2026-10-27T01:30Z" })] // clocks go back on 25 October
    public async Task Daily_job_in_Paris_runs_at_the_right_instants_across_a_DST_change(int month, int day, string[] expected)
    {
        using var folder = new TempFolder();
        var ledger = new JobLedger();
        var clock = new FakeTimeProvider(Utc(month, day, 12));
        await using var host = await TestHost.StartAsync(clock, Configure(folder, ledger, Daily.At("02:30", "Europe/Paris")));

        var instants = expected.Select(DateTimeOffset.Parse).ToArray();
        for (var i = 0; i < instants.Length; i++)
        {
            await NextDue(host, instants[i]);
            clock.SetUtcNow(instants[i]);
            await RunEnded(host, instants[i]);
        }

        Assert.Equal(instants, ledger.Started.ToArray());
    }

    [Fact]
    public async Task A_run_due_while_the_previous_one_is_going_is_skipped_and_logged()
    {
        using var folder = new TempFolder();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ledger = new JobLedger { Work = (_, ct) => release.Task.WaitAsync(ct) };
        var start = Utc(1, 1, 0);
        var clock = new FakeTimeProvider(start);
        await using var host = await TestHost.StartAsync(clock, Configure(folder, ledger, Every.Minutes(1)));

        await NextDue(host, start.AddMinutes(1));
        clock.SetUtcNow(start.AddMinutes(1));
        await Wait.Until(() => ledger.Started.Count == 1, "the first run starts");
        await NextDue(host, start.AddMinutes(2));
        clock.SetUtcNow(start.AddMinutes(2));
        await NextDue(host, start.AddMinutes(3));

        Assert.Single(ledger.Started);
        Assert.True(host.Logs.Contains("is still going; this run is skipped"));

        release.SetResult();
        await RunEnded(host, start.AddMinutes(1));
        clock.SetUtcNow(start.AddMinutes(3));
        await RunEnded(host, start.AddMinutes(3));

        Assert.Equal([start.AddMinutes(1), start.AddMinutes(3)], ledger.Started.ToArray());
        Assert.Equal(1, ledger.MostAtOnce);
    }

    [Fact]
    public async Task A_restarted_host_runs_the_missed_daily_run_once_to_catch_up()
    {
        using var folder = new TempFolder();
        var ledger = new JobLedger
        {
            // The second day's run hangs until the host stops, as if the process died mid-run.
            Work = (c, ct) => c.ScheduledAt.Day == 2 ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask,
        };
        var clock = new FakeTimeProvider(Utc(5, 1, 0));
        var first = await TestHost.StartAsync(clock, Configure(folder, ledger, Daily.At("06:00")));
        await NextDue(first, Utc(5, 1, 6));
        clock.SetUtcNow(Utc(5, 1, 6));
        await RunEnded(first, Utc(5, 1, 6));
        await NextDue(first, Utc(5, 2, 6));
        clock.SetUtcNow(Utc(5, 2, 6));
        await Wait.Until(() => ledger.Started.Count == 2, "the second run starts");
        await first.DisposeAsync();
        Assert.Equal([Utc(5, 1, 6)], ledger.Completed.ToArray());
        Assert.True(first.Logs.Contains("was cancelled because the host is stopping"));

        var afterCrash = new JobLedger();
        var later = new FakeTimeProvider(Utc(5, 2, 9));
        await using var second = await TestHost.StartAsync(later, Configure(folder, afterCrash, Daily.At("06:00")));
        await NextDue(second, Utc(5, 3, 6));
        await RunEnded(second, Utc(5, 2, 6));

        Assert.Equal([Utc(5, 2, 6)], afterCrash.Started.ToArray());
        Assert.True(second.Logs.Contains("missed its run due at 2026-05-02T06:00:00.0000000+00:00"));
    }

    [Fact]
    public async Task A_host_whose_runs_are_all_recorded_does_not_run_again_at_start()
    {
        using var folder = new TempFolder();
        var ledger = new JobLedger();
        var clock = new FakeTimeProvider(Utc(5, 1, 0));
        var first = await TestHost.StartAsync(clock, Configure(folder, ledger, Daily.At("06:00")));
        await NextDue(first, Utc(5, 1, 6));
        clock.SetUtcNow(Utc(5, 1, 6));
        await RunEnded(first, Utc(5, 1, 6));
        await first.DisposeAsync();

        var again = new JobLedger();
        await using var second = await TestHost.StartAsync(new FakeTimeProvider(Utc(5, 1, 7)), Configure(folder, again, Daily.At("06:00")));
        await NextDue(second, Utc(5, 2, 6));

        Assert.Empty(again.Started);
    }

    [Fact]
    public async Task A_scheduled_job_that_is_not_registered_stops_the_host_naming_the_entry()
    {
        using var folder = new TempFolder();
        var host = TestHost.Build(new FakeTimeProvider(), new LogSink(), b => b.Services.AddCrmKit(o =>
        {
            o.DatabasePath = folder.File("crm.db");
            o.CreateDatabaseIfMissing = true;
            o.Schedule("loyalty-points", Daily.At("06:00", "Europe/Paris"));
        }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("CrmKit:Schedules:0:Job 'loyalty-points' is not a registered job", error.Message);
        host.Dispose();
    }
}
