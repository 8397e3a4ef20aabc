using System.Collections.Concurrent;
using System.Diagnostics;

namespace CrmKit.Tests.Telemetry;

/// <summary>The core's activities carry the counts the operations return, and a failure carries its type, never its message.</summary>
public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;
    private readonly TestDatabase _db = TestDatabase.InMemory();

    public TracingTests()
    {
        // Only this test's database: activities are told apart by the thread-local marker set around each call.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CrmTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => Marker.Value ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static readonly AsyncLocal<bool> Marker = new();

    private T Traced<T>(Func<T> operation)
    {
        Marker.Value = true;
        try
        {
            return operation();
        }
        finally
        {
            Marker.Value = false;
        }
    }

    private Activity Single(string name) => Assert.Single(_ended, a => a.OperationName == name);

    [Fact]
    public void Imports_refreshes_and_sweeps_tag_what_they_counted()
    {
        var customers = Traced(() => _db.Crm.Customers.CreateMany(Enumerable.Range(0, 7).Select(i => new Customer($"C{i}", $"客户 {i}") { Tags = i % 2 == 0 ? ["vip"] : [] })));
        var import = Single(CrmTelemetry.ImportActivity);
        Assert.Equal(("customers", 7), ((string?)import.GetTagItem("crmkit.import.kind"), (int?)import.GetTagItem("crmkit.import.records")));

        _db.Crm.Segments.Define(new SegmentDefinition("vip", "VIPs", new SegmentFilter(SegmentClause.HasAnyTag("vip"))));
        var refresh = Traced(() => _db.Crm.Segments.Refresh("vip"));
        var refreshed = Single(CrmTelemetry.SegmentRefreshActivity);
        Assert.Equal(("vip", "full", refresh.Evaluated, refresh.Members, refresh.Entered, 0),
            ((string?)refreshed.GetTagItem("crmkit.segment.name"), (string?)refreshed.GetTagItem("crmkit.segment.mode"), (int?)refreshed.GetTagItem("crmkit.customers.evaluated"),
             (int?)refreshed.GetTagItem("crmkit.segment.members"), (int?)refreshed.GetTagItem("crmkit.segment.entered"), (int?)refreshed.GetTagItem("crmkit.segment.left")));

        var sweep = Traced(() => _db.Crm.Care.Sweep([CareRules.DormantProspect(quietDays: 1, channels: Channel.Email)], at: _db.Clock.GetUtcNow().AddDays(3)));
        var swept = Single(CrmTelemetry.CareSweepActivity);
        Assert.Equal((sweep.Evaluated, sweep.Proposed, sweep.Created, sweep.Suppressed),
            ((int?)swept.GetTagItem("crmkit.customers.evaluated"), (int?)swept.GetTagItem("crmkit.care.proposed"), (int?)swept.GetTagItem("crmkit.care.created"), (int?)swept.GetTagItem("crmkit.care.suppressed")));
        Assert.Equal(customers.Count, sweep.Evaluated);
        Assert.All(_ended, a => Assert.Equal(ActivityStatusCode.Unset, a.Status));
    }

    [Fact]
    public void A_failed_operation_ends_its_activity_with_the_error_type_and_no_data()
    {
        _db.SeedCustomers(1);
        Assert.Throws<CustomerNotFoundException>(() => Traced(() => _db.Crm.Interactions.RecordBatch([new Interaction("NOBODY-私人", InteractionKind.Purchase, Channel.Store, _db.Clock.GetUtcNow())])));

        var failed = Single(CrmTelemetry.ImportActivity);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(CustomerNotFoundException).FullName, failed.GetTagItem("error.type"));
        Assert.DoesNotContain("NOBODY", failed.StatusDescription ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(failed.TagObjects, t => t.Value?.ToString()?.Contains("NOBODY", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Operations_no_listener_samples_record_nothing()
    {
        _db.Crm.Customers.CreateMany([new Customer("C0", "Ann")]);
        Assert.Empty(_ended);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _db.Dispose();
    }
}
