using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using CrmKit.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrmKit.Hosting.Tests.Telemetry;

/// <summary>The hosting guide's OpenTelemetry example is this code, and it builds a host that traces and meters CrmKit.</summary>
public class OpenTelemetryWiringTests
{
    [Fact]
    public void The_hosting_guides_OpenTelemetry_example_is_the_code_below() =>
        DocSnippets.AssertEveryBlockOfSectionIsIn("hosting.md", "Wiring CrmKit into OpenTelemetry", "tests/CrmKit.Hosting.Tests/Telemetry/OpenTelemetryWiringTests.cs");

    [Fact]
    public void The_hosting_guides_OpenTelemetry_example_builds_a_host_with_CrmKits_source_and_meter()
    {
        using var folder = new TempFolder();
        string[] args = [$"--CrmKit:DatabasePath={folder.File("crm.db")}", "--CrmKit:CreateDatabaseIfMissing=true"];

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCrmKit(builder.Configuration.GetSection("CrmKit"), o =>
        {
            o.Schedule("segment-refresh", Every.Minutes(15));
            o.Schedule("care-sweep", Daily.At("06:00", "Asia/Shanghai"));
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("crm-worker"))
            .WithTracing(tracing => tracing
                .AddSource(CrmTelemetry.ActivitySourceName)   // refreshes, sweeps, fits, imports, campaign runs, scheduled jobs
                .AddOtlpExporter())                           // OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4317
            .WithMetrics(metrics => metrics
                .AddMeter(CrmKitMetrics.MeterName)            // care tasks, script failures, job durations and skips
                .AddOtlpExporter());

        using var host = builder.Build();
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<CrmKitMetrics>());
    }
}
