using CrmKit;
using CrmKit.Hosting.Scheduling;
using CrmKit.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

// Two instances of one application, as behind a load balancer, sharing one customer base on
// PostgreSQL: both record interactions for the same customers at the same time and no stat is
// lost; both schedule the nightly care sweep, and it runs on one of them while the other records
// that it skipped. Give the server as the first argument or in CRMKIT_POSTGRESQL, for example
//   dotnet run --project samples/SharedDatabase -- "Host=localhost;Database=crm;Username=app"
// The sample works in the schema sample_shared, which it empties first.

var connection = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("CRMKIT_POSTGRESQL");
if (string.IsNullOrWhiteSpace(connection))
{
    Console.Error.WriteLine("Give a PostgreSQL connection string as the first argument or in CRMKIT_POSTGRESQL, such as \"Host=localhost;Database=crm;Username=app\".");
    return 2;
}
const string Schema = "sample_shared";
await using (var admin = NpgsqlDataSource.Create(connection))
    await admin.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE").ExecuteNonQueryAsync();

// The clock the instances share; the sample moves it to the night instead of waiting for it.
var evening = new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero);
var clock = new FakeTimeProvider(evening);
var night = new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.FromHours(1)); // 02:00 in Paris

IHost Instance(string name)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Logging.AddProvider(new InstanceLog(name));
    builder.Services.AddSingleton<TimeProvider>(clock);
    // The whole of the set-up: the same two lines in every instance.
    builder.Services.AddCrmKit(o =>
    {
        o.UsePostgreSql(connection, Schema);
        o.CreateDatabaseIfMissing = true; // the first instance to start creates the schema
        o.Schedule("care-sweep", Daily.At("02:00", "Europe/Paris"));
    });
    builder.Services.AddHealthChecks().AddCrmKit();
    return builder.Build();
}

Console.WriteLine("1. Two instances start on one database.");
using var web1 = Instance("web-1");
using var web2 = Instance("web-2");
await Task.WhenAll(web1.StartAsync(), web2.StartAsync());
var crm1 = web1.Services.GetRequiredService<CrmDatabase>();
var crm2 = web2.Services.GetRequiredService<CrmDatabase>();
Console.WriteLine($"   web-1 and web-2 both use {crm1.Location}.");

Console.WriteLine("2. web-1 signs up 20 customers; both instances record their purchases at the same time.");
for (var i = 1; i <= 20; i++)
{
    crm1.Customers.Create(new Customer($"S-{i:00}", $"Customer {i}")
    {
        Birthday = new DateOnly(1980 + i, 12, 2),
        TimeZone = "Europe/Paris",
        ContactPoints = [ContactPoint.Phone($"+33 6 00 00 00 {i:00}")],
    });
}
var at = evening.AddHours(-2);
await Task.WhenAll(new[] { crm1, crm2 }.Select(crm => Task.Run(() =>
{
    for (var round = 0; round < 10; round++)
    {
        for (var i = 1; i <= 20; i++)
            crm.Interactions.Record(new Interaction($"S-{i:00}", InteractionKind.Purchase, Channel.Store, at.AddMinutes(round)) { Amount = 10m });
    }
})));
var stats = crm2.Interactions.Stats("S-07");
Console.WriteLine($"   S-07, read on web-2: {stats.PurchaseCount} purchases, {stats.MonetaryTotal:0.00} in total (10 from each instance, none lost).");

Console.WriteLine("3. Night falls on both instances; the care sweep is due at 02:00 in Paris on each.");
clock.SetUtcNow(night);
var health1 = web1.Services.GetRequiredService<HealthCheckService>();
var health2 = web2.Services.GetRequiredService<HealthCheckService>();
async Task<string?> SkippedOn(HealthCheckService health) =>
    (await health.CheckHealthAsync()).Entries["crmkit"].Data.TryGetValue("skipped:care-sweep", out var skip) ? (string)skip : null;
var limit = DateTime.UtcNow.AddSeconds(30);
string? skipped1 = null, skipped2 = null;
while (await crm1.JobRuns.LastCompletedAsync("care-sweep") != night || (skipped1 = await SkippedOn(health1)) is null && (skipped2 = await SkippedOn(health2)) is null)
{
    if (DateTime.UtcNow > limit) throw new TimeoutException("The nightly sweep did not complete on one instance and skip on the other.");
    await Task.Delay(20);
}
var (ran, skipper, reason) = skipped1 is null ? ("web-1", "web-2", skipped2) : ("web-2", "web-1", skipped1);
Console.WriteLine($"   The sweep ran on {ran}; {skipper} skipped it ({reason}).");
var tasks = crm1.Care.Tasks(null, new PageRequest(0, 1_000)).Items;
var occasions = tasks.Select(t => (t.Customer, t.OccasionKey, t.Channel)).Distinct().Count();
Console.WriteLine($"   Care tasks in the shared database: {tasks.Count} for {tasks.Select(t => t.Customer).Distinct().Count()} customers, {tasks.Count - occasions} created twice.");

await Task.WhenAll(web1.StopAsync(), web2.StopAsync());
return 0;
