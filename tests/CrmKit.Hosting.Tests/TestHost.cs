using CrmKit.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests;

/// <summary>A real generic host on a fake clock, in its own temporary folder.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(IHost host, FakeTimeProvider clock, LogSink logs)
    {
        Host = host;
        Clock = clock;
        Logs = logs;
    }

    public IHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public LogSink Logs { get; }
    public IServiceProvider Services => Host.Services;

    public static IHost Build(FakeTimeProvider clock, LogSink logs, Action<HostApplicationBuilder> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure(builder);
        return builder.Build();
    }

    public static async Task<TestHost> StartAsync(FakeTimeProvider clock, Action<HostApplicationBuilder> configure)
    {
        var logs = new LogSink();
        var host = Build(clock, logs, configure);
        await host.StartAsync();
        return new TestHost(host, clock, logs);
    }

    public static IDictionary<string, string?> Settings(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    public static void AddSettings(HostApplicationBuilder builder, params (string Key, string? Value)[] values) =>
        builder.Configuration.AddInMemoryCollection(Settings(values));

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
