using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Health;

public class HealthTests
{
    [Fact]
    public async Task A_failing_job_makes_the_host_unhealthy_until_a_run_succeeds()
    {
        using var folder = new TempFolder();
        var fail = true;
        var ledger = new JobLedger { Work = (_, _) => fail ? throw new InvalidOperationException("the mail server refused") : Task.CompletedTask };
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var host = await TestHost.StartAsync(clock, b =>
        {
            b.Services.AddSingleton(ledger);
            b.Services.AddCrmKit(o =>
            {
                o.DatabasePath = folder.File("crm.db");
                o.CreateDatabaseIfMissing = true;
                o.Schedule(RecordingJob.JobName, Every.Minutes(5));
            });
            b.Services.AddCrmJob<RecordingJob>();
            b.Services.AddHealthChecks().AddCrmKit();
        });
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        for (var run = 1; run <= 2; run++)
        {
            var due = start.AddMinutes(5 * run);
            await Wait.Until(() => board.Find(RecordingJob.JobName)?.NextDue == due, "the job waits");
            clock.SetUtcNow(due);
            await Wait.Until(() => board.Find(RecordingJob.JobName) is { Running: false } s && s.LastDue == due, "the run ends");
            var report = await health.CheckHealthAsync();
            if (run == 1)
            {
                Assert.Equal(HealthStatus.Unhealthy, report.Status);
                Assert.Contains("the mail server refused", (string)report.Entries["crmkit"].Data["job:record"]);
                Assert.True(host.Logs.Contains("Job 'record' (due 2026-01-01T00:05:00.0000000+00:00) failed"));
                fail = false;
            }
            else
            {
                Assert.Equal(HealthStatus.Healthy, report.Status);
            }
        }
    }
}
