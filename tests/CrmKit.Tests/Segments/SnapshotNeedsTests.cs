using CrmKit.Storage;

namespace CrmKit.Tests.Segments;

/// <summary>What rules say they read, and that a rule which reads nothing more costs nothing more.</summary>
public class SnapshotNeedsTests
{
    [Fact]
    public async Task A_chunk_whose_readers_need_nothing_more_is_handed_back_as_it_is()
    {
        using var db = TestDatabase.InMemory();
        db.SeedCustomers(3);
        IReadOnlyList<CustomerSnapshot> chunk = [.. Enumerable.Range(0, 3).Select(i => db.Crm.Store.ReadAsync((s, ct) => s.Customers.SnapshotAsync($"C{i}", ct), default).Wait()!)];

        var same = await db.Crm.Store.ReadAsync((s, ct) => SnapshotCompletion.CompleteAsync(s, chunk, SnapshotNeeds.None, ct), default);

        Assert.Same(chunk, same);
    }

    [Fact]
    public void The_union_keeps_what_either_needs_and_forgets_the_kinds_when_one_reads_every_kind()
    {
        var surveys = new SnapshotNeeds { InteractionMetadata = true, MetadataKinds = new HashSet<InteractionKind> { "survey" }, Segments = new HashSet<string> { "vip" } };
        var visits = new SnapshotNeeds { InteractionMetadata = true, MetadataKinds = new HashSet<InteractionKind> { "visit" }, OpenTasks = true };
        var every = new SnapshotNeeds { InteractionMetadata = true };

        var both = surveys.Union(visits);
        Assert.Equal(new HashSet<InteractionKind> { "survey", "visit" }, both.MetadataKinds);
        Assert.True(both.OpenTasks);
        Assert.Equal(["vip"], both.Segments);
        Assert.Null(surveys.Union(every).MetadataKinds);
        Assert.Equal(surveys.MetadataKinds, surveys.Union(new SnapshotNeeds { OpenTasks = true }).MetadataKinds);
        Assert.Same(surveys, surveys.Union(SnapshotNeeds.None));
        Assert.True(SnapshotNeeds.Of([SnapshotNeeds.None, SnapshotNeeds.None]).IsNone);
    }
}
