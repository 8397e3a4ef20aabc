using CrmKit.Hosting.Scheduling;
using CrmKit.PostgreSql.Tests.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmKit.PostgreSql.Tests.Hosting;

/// <summary>
/// Two host instances configured with one PostgreSQL database, as behind a load balancer: the
/// nightly job runs on one of them, and the other records that it skipped, whether the two reach
/// the due instant together or hours apart.
/// </summary>
public sealed class TwoHostsTests(PostgresDatabase server) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    private Action<HostApplicationBuilder> Shared(string schema) => b =>
    {
        b.Services.AddCrmKit(o =>
        {
            o.UsePostgreSql(server.ConnectionString, schema);
            o.CreateDatabaseIfMissing = true;
            o.Schedule(NightlyJob.JobName, Daily.At("02:00"));
        });
        b.Services.AddHealthChecks().AddCrmKit();
    };

    [Fact]
    public async Task Two_hosts_reaching_the_nightly_run_together_run_it_once_and_the_other_records_that_it_skipped()
    {
        var ledger = new NightlyLedger();
        await using var first = await SharedHost.StartAsync("first", Evening, ledger, Shared("two_hosts_together"));
        await using var second = await SharedHost.StartAsync("second", Evening, ledger, Shared("two_hosts_together"));

        await Task.WhenAll(first.ReachAsync(Night), second.ReachAsync(Night));
        await SharedHost.Until(() => ledger.Started.Count == 1 && (first.Nightly?.Skips ?? 0) + (second.Nightly?.Skips ?? 0) == 1,
            "one host runs the job and the other skips it");
        var (ran, skipped) = first.Nightly!.Skips == 0 ? (first, second) : (second, first);
        ledger.Release.SetResult();
        await SharedHost.Until(() => ran.Nightly is { Running: false } s && s.LastDue == Night, "the run ends");

        Assert.Equal([(ran.Name, Night)], ledger.Started.ToArray());
        Assert.Equal(Night, skipped.Nightly!.LastSkipped);
        Assert.Equal("running-elsewhere", skipped.Nightly.LastSkipReason);
        Assert.False(skipped.Nightly.Running);
        Assert.Null(skipped.Nightly.LastDue);
        var database = skipped.Host.Services.GetRequiredService<CrmDatabase>();
        Assert.Equal(Night, await database.JobRuns.LastCompletedAsync(NightlyJob.JobName));
        // Both instances' attempts are in the shared database.
        var attempts = (await database.JobRuns.AttemptsAsync(NightlyJob.JobName)).Select(a => (a.Instance, a.ScheduledAt, a.Outcome, a.Detail)).ToHashSet();
        Assert.Equal([(ran.Name, Night, JobAttemptOutcome.Completed, null), (skipped.Name, Night, JobAttemptOutcome.Skipped, "running-elsewhere")], attempts);

        var health = await skipped.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal($"{Night:O} (running-elsewhere)", health.Entries["crmkit"].Data["skipped:nightly"]);
        Assert.DoesNotContain("Password", (string)health.Entries["crmkit"].Data["database"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_host_whose_clock_reaches_the_night_after_the_other_has_run_it_skips_the_completed_run()
    {
        var ledger = new NightlyLedger();
        ledger.Release.SetResult();
        await using var early = await SharedHost.StartAsync("early", Evening, ledger, Shared("two_hosts_apart"));
        await using var late = await SharedHost.StartAsync("late", Evening, ledger, Shared("two_hosts_apart"));

        await early.ReachAsync(Night);
        await SharedHost.Until(() => early.Nightly is { Running: false } s && s.LastDue == Night, "the early host's run ends");
        await late.ReachAsync(Night);
        await SharedHost.Until(() => late.Nightly?.Skips == 1, "the late host skips the run");

        Assert.Equal([("early", Night)], ledger.Started.ToArray());
        Assert.Equal("completed-elsewhere", late.Nightly!.LastSkipReason);
        var attempts = await late.Host.Services.GetRequiredService<CrmDatabase>().JobRuns.AttemptsAsync(NightlyJob.JobName);
        Assert.Equal([("early", JobAttemptOutcome.Completed, (string?)null), ("late", JobAttemptOutcome.Skipped, "completed-elsewhere")],
            attempts.Select(a => (a.Instance, a.Outcome, a.Detail)).ToArray());
        // Both move on to the next night.
        await SharedHost.Until(() => early.Nightly?.NextDue == Night.AddDays(1) && late.Nightly?.NextDue == Night.AddDays(1), "both wait for the next night");
    }

    [Fact]
    public async Task An_interval_job_of_hosts_started_minutes_apart_runs_once_per_interval()
    {
        var ledger = new NightlyLedger();
        ledger.Release.SetResult();
        Action<HostApplicationBuilder> every10Minutes = b => b.Services.AddCrmKit(o =>
        {
            o.UsePostgreSql(server.ConnectionString, "two_hosts_interval");
            o.CreateDatabaseIfMissing = true;
            o.Schedule(NightlyJob.JobName, Every.Minutes(10));
        });
        await using var first = await SharedHost.StartAsync("first", Evening, ledger, every10Minutes);
        await using var second = await SharedHost.StartAsync("second", Evening.AddMinutes(3), ledger, every10Minutes);

        for (var round = 1; round <= 2; round++)
        {
            var due = Evening.AddMinutes(10 * round);
            await first.ReachAsync(due);
            await SharedHost.Until(() => first.Nightly is { Running: false } s && s.LastDue == due, $"the first host's run due at {due:O} ends");
            await second.ReachAsync(due.AddMinutes(3));
            await SharedHost.Until(() => second.Nightly?.Skips == round, $"the second host skips its run due at {due.AddMinutes(3):O}");
        }

        Assert.Equal([("first", Evening.AddMinutes(10)), ("first", Evening.AddMinutes(20))], ledger.Started.ToArray());
        Assert.Equal("completed-elsewhere", second.Nightly!.LastSkipReason);
    }

    [Fact]
    public async Task The_server_is_taken_from_configuration()
    {
        var ledger = new NightlyLedger();
        await using var host = await SharedHost.StartAsync("configured", Evening, ledger, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CrmKit:PostgreSql:ConnectionString"] = server.ConnectionString,
                ["CrmKit:PostgreSql:Schema"] = "from_configuration",
                ["CrmKit:CreateDatabaseIfMissing"] = "true",
            });
            b.Services.AddCrmKit(b.Configuration.GetSection("CrmKit"));
        });
        var database = host.Host.Services.GetRequiredService<CrmDatabase>();
        database.Customers.Create(new Customer("C-1", "Li Wei"));

        Assert.Contains("schema from_configuration", database.Location);
        using var other = PostgreSqlCrm.Open(new CrmOptions(), new PostgreSqlStoreOptions { ConnectionString = server.ConnectionString, Schema = "from_configuration" });
        Assert.Equal("Li Wei", other.Customers.Get("C-1").Name);
    }

    [Fact]
    public void A_schema_without_a_database_stops_the_host_unless_it_may_be_created_and_options_name_what_is_wrong()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCrmKit(o => o.UsePostgreSql(server.ConnectionString, "never_created"));
        using var host = builder.Build();
        var refused = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<CrmDatabase>());
        Assert.Contains("CrmKit:PostgreSql: schema 'never_created' holds no CrmKit database", refused.Message);

        var both = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        both.Services.AddCrmKit(o =>
        {
            o.DatabasePath = "crm.db";
            o.Password = "secret";
            o.UsePostgreSql(server.ConnectionString, "Bad-Schema");
        });
        using var invalid = both.Build();
        var failure = Assert.Throws<OptionsValidationException>(() => invalid.Services.GetRequiredService<IOptions<CrmKit.Hosting.CrmKitOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.StartsWith("CrmKit:DatabasePath and CrmKit:PostgreSql are both set", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("CrmKit:Password encrypts a database file", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("CrmKit:PostgreSql:Schema 'Bad-Schema' is not", StringComparison.Ordinal));
    }
}
