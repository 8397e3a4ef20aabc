using System.Collections.Concurrent;
using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.PostgreSql.Tests.Hosting;

/// <summary>The runs of the nightly job across every host of a test, and a gate that holds each run until released.</summary>
public sealed class NightlyLedger
{
    public ConcurrentQueue<(string Host, DateTimeOffset Due)> Started { get; } = new();

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The job both hosts schedule: it notes which host ran it and waits for the gate.</summary>
public sealed class NightlyJob(NightlyLedger ledger, HostName host) : ICrmJob
{
    public const string JobName = "nightly";

    public string Name => JobName;

    public async Task RunAsync(CrmJobContext context, CancellationToken cancellationToken)
    {
        ledger.Started.Enqueue((host.Name, context.ScheduledAt));
        await ledger.Release.Task.WaitAsync(cancellationToken);
    }
}

public sealed record HostName(string Name);

/// <summary>A real generic host on a fake clock, with its CrmKit database on a PostgreSQL server.</summary>
public sealed class SharedHost : IAsyncDisposable
{
    private SharedHost(string name, IHost host, FakeTimeProvider clock)
    {
        Name = name;
        Host = host;
        Clock = clock;
    }

    public string Name { get; }

    public IHost Host { get; }

    public FakeTimeProvider Clock { get; }

    internal JobStatus? Nightly => Host.Services.GetRequiredService<JobStatusBoard>().Find(NightlyJob.JobName);

    public static async Task<SharedHost> StartAsync(string name, DateTimeOffset start, NightlyLedger ledger, Action<HostApplicationBuilder> configure)
    {
        var clock = new FakeTimeProvider(start);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton(new HostName(name));
        builder.Services.AddCrmJob<NightlyJob>();
        configure(builder);
        builder.Services.PostConfigure<CrmKit.Hosting.CrmKitOptions>(o => o.InstanceName ??= name);
        var host = builder.Build();
        await host.StartAsync();
        return new SharedHost(name, host, clock);
    }

    /// <summary>Waits (in real time, up to a limit) until the host's nightly job waits for <paramref name="due"/>, then moves its clock there.</summary>
    public async Task ReachAsync(DateTimeOffset due)
    {
        await Until(() => Nightly?.NextDue == due, $"{Name} waits for {due:O}");
        Clock.SetUtcNow(due);
    }

    /// <summary>Polls a condition the hosts reach on their own threads, failing after a real-time limit.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
