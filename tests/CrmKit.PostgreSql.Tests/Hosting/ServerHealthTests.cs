using CrmKit.PostgreSql.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmKit.PostgreSql.Tests.Hosting;

/// <summary>The CrmKit health check of a host on PostgreSQL answers for the server: healthy while it serves, failing while it is down, healthy again after.</summary>
public sealed class ServerHealthTests
{
    [Fact]
    public async Task The_health_check_fails_while_the_server_is_stopped_and_recovers_when_it_is_back()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        var connection = cluster.ConnectionString(await cluster.CreateDatabaseAsync());
        await using var host = await SharedHost.StartAsync("alone", DateTimeOffset.UnixEpoch, new NightlyLedger(), b =>
        {
            b.Services.AddCrmKit(o =>
            {
                o.UsePostgreSql(connection);
                o.CreateDatabaseIfMissing = true;
            });
            b.Services.AddHealthChecks().AddCrmKit();
        });
        var health = host.Host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        await cluster.StopAsync();
        var down = (await health.CheckHealthAsync()).Entries["crmkit"];
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.StartsWith("The CrmKit database at postgresql://", down.Description);
        Assert.IsType<CrmStorageException>(down.Exception);

        await cluster.StartAsync();
        await SharedHost.Until(() => health.CheckHealthAsync().GetAwaiter().GetResult().Status == HealthStatus.Healthy, "the check is healthy again");
    }
}
