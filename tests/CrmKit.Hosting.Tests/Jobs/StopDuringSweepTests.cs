using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Hosting.Tests.Jobs;

/// <summary>
/// A host stopped in the middle of a long care sweep: the sweep ends at the next chunk of
/// customers, the host stops well inside its shutdown timeout, nothing of the sweep is written, and
/// the database opens and sweeps in full afterwards.
/// </summary>
public class StopDuringSweepTests
{
    private const int CustomerCount = 3_000;
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stopping_the_host_mid_sweep_ends_the_sweep_promptly_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("crm.db");
        var rule = new SlowRule();
        var clock = new FakeTimeProvider(Start);
        var logs = new LogSink();
        using var host = TestHost.Build(clock, logs, b =>
        {
            b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
            b.Services.AddCrmKit(o =>
            {
                o.DatabasePath = path;
                o.CreateDatabaseIfMissing = true;
                o.CareRules = [rule];
                o.Schedule("care-sweep", Daily.At("06:00", "UTC"));
            });
        });
        await host.StartAsync();
        var crm = host.Services.GetRequiredService<CrmDatabase>();
        await crm.Customers.CreateManyAsync(Enumerable.Range(1, CustomerCount).Select(i => new Customer($"C{i:D5}", $"Customer {i}")));
        var board = host.Services.GetRequiredService<JobStatusBoard>();
        var due = Start.AddHours(1);
        await Wait.Until(() => board.Find("care-sweep")?.NextDue == due, "the sweep waits for 06:00");

        clock.SetUtcNow(due);
        await Wait.Until(() => rule.Asked > 0, "the sweep starts asking the rule");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.StopAsync();
        stopping.Stop();

        Assert.InRange(rule.Asked, 1, CustomerCount - 1);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(60), $"the host took {stopping.Elapsed} to stop");
        Assert.Contains(logs.Lines, l => l.Contains("'care-sweep'", StringComparison.Ordinal) && l.Contains("cancelled", StringComparison.Ordinal));
        Assert.Null(await crm.JobRuns.LastCompletedAsync("care-sweep", CancellationToken.None));
        Assert.DoesNotContain(crm.Care.CountByStatus(), c => c.Value > 0);
        Assert.DoesNotContain(crm.Care.SuppressionsByReason(), c => c.Value > 0);
        host.Dispose();

        using var reopened = CrmDatabase.Open(new CrmOptions { FilePath = path });
        var result = await reopened.Care.SweepAsync([new SlowRule(TimeSpan.Zero)], due);
        Assert.Equal(CustomerCount, result.Evaluated);
        Assert.Equal(CustomerCount, result.Created + result.Suppressed);
    }

    /// <summary>A rule that takes its time over every customer and proposes a store visit for each.</summary>
    private sealed class SlowRule(TimeSpan? perCustomer = null) : ICareRule
    {
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public string Name => "slow-check-in";

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now)
        {
            Interlocked.Increment(ref _asked);
            Thread.Sleep(perCustomer ?? TimeSpan.FromMilliseconds(5));
            yield return new CareAction("check-in", now, Channel.Store);
        }
    }
}
