using CrmKit.Hosting.Scheduling;
using CrmKit.Scripting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Configuration;

public class OptionsTests
{
    private static async Task<string> StartFailure(params (string Key, string? Value)[] settings)
    {
        using var host = TestHost.Build(new FakeTimeProvider(), new LogSink(), b =>
        {
            TestHost.AddSettings(b, settings);
            b.Services.AddCrmKit(b.Configuration.GetSection("CrmKit"));
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error.Message;
    }

    [Fact]
    public async Task A_missing_database_path_stops_the_host_naming_the_option()
    {
        Assert.Contains("CrmKit:DatabasePath is required", await StartFailure(("CrmKit:ScriptsFolder", "scripts")));
    }

    [Fact]
    public async Task A_bad_time_of_day_stops_the_host_naming_the_entry()
    {
        var message = await StartFailure(
            ("CrmKit:DatabasePath", "crm.db"),
            ("CrmKit:Schedules:0:Job", "care-sweep"),
            ("CrmKit:Schedules:0:At", "25:00"),
            ("CrmKit:Schedules:0:TimeZone", "Europe/Paris"));

        Assert.Contains("CrmKit:Schedules:0:At '25:00' is not a time of day", message);
    }

    [Fact]
    public async Task Every_bad_option_is_named_at_once()
    {
        var message = await StartFailure(
            ("CrmKit:DatabasePath", "crm.db"),
            ("CrmKit:ScriptTimeBudget", "00:05:00"),
            ("CrmKit:DatabaseLockTimeout", "-00:00:01"),
            ("CrmKit:Schedules:0:Job", "a"),
            ("CrmKit:Schedules:0:At", "06:00"),
            ("CrmKit:Schedules:0:TimeZone", "Mars/Olympus"),
            ("CrmKit:Schedules:1:Job", "a"),
            ("CrmKit:Schedules:1:Every", "00:00:00.5"),
            ("CrmKit:Schedules:2:At", "06:00"));

        Assert.Contains("CrmKit:ScriptTimeBudget must be from 1 ms to 1 minute", message);
        Assert.Contains("CrmKit:DatabaseLockTimeout must be from 0 to 10 minutes but was '-00:00:01'", message);
        Assert.Contains("CrmKit:Schedules:0:TimeZone 'Mars/Olympus' is not a known time zone", message);
        Assert.Contains("CrmKit:Schedules:1:Job 'a' is scheduled twice", message);
        Assert.Contains("CrmKit:Schedules:1:Every must be at least 1 second", message);
        Assert.Contains("CrmKit:Schedules:2:Job is required", message);
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_register_the_services()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider();
        await using var host = await TestHost.StartAsync(clock, b =>
        {
            TestHost.AddSettings(b,
                ("CrmKit:DatabasePath", folder.File("crm.db")),
                ("CrmKit:CreateDatabaseIfMissing", "true"),
                ("CrmKit:ScriptTimeBudget", "00:00:00.250"),
                ("CrmKit:Schedules:0:Job", "record"),
                ("CrmKit:Schedules:0:Every", "00:15:00"));
            b.Services.AddSingleton(new Scheduling.JobLedger());
            b.Services.AddCrmKit(b.Configuration.GetSection("CrmKit"));
            b.Services.AddCrmJob<Scheduling.RecordingJob>();
        });

        var options = host.Services.GetRequiredService<IOptions<CrmKitOptions>>().Value;
        Assert.Equal(folder.File("crm.db"), options.DatabasePath);
        Assert.Equal(TimeSpan.FromMinutes(15), Assert.Single(options.Schedules).Every);
        var engine = host.Services.GetRequiredService<ScriptEngine>();
        Assert.Equal(TimeSpan.FromMilliseconds(250), engine.Options.TimeBudget);
        Assert.Same(clock, engine.Options.TimeProvider);
        Assert.Same(clock, host.Services.GetRequiredService<CrmDatabase>().Options.TimeProvider);
        Assert.NotNull(host.Services.GetRequiredService<ScriptLibrary>());
    }

    [Fact]
    public async Task The_database_is_closed_with_the_host()
    {
        using var folder = new TempFolder();
        var path = folder.File("crm.db");
        var host = await TestHost.StartAsync(new FakeTimeProvider(), b => b.Services.AddCrmKit(o => { o.DatabasePath = path; o.CreateDatabaseIfMissing = true; }));
        host.Services.GetRequiredService<CrmDatabase>().Customers.Create(new Customer("C-001", "Li Wei"));
        await host.DisposeAsync();

        using var reopened = CrmDatabase.Open(CrmOptions.ForFile(path));
        Assert.NotNull(reopened.Customers.Find("C-001"));
    }

    [Fact]
    public void Schedule_in_code_writes_the_same_entry_configuration_would()
    {
        var options = new CrmKitOptions().Schedule("care-sweep", Daily.At("06:00", "Europe/Paris"));

        var entry = Assert.Single(options.Schedules);
        Assert.Equal(("care-sweep", "06:00:00", "Europe/Paris"), (entry.Job, entry.At, entry.TimeZone));
    }
}
