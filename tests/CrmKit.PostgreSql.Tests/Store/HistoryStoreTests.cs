using System.Text.Json;

namespace CrmKit.PostgreSql.Tests.Store;

/// <summary>Stage and grade history, claims and the personal-data export on the PostgreSQL store.</summary>
public sealed class HistoryStoreTests(StoreDatabase db) : IClassFixture<StoreDatabase>
{
    [Fact]
    public void Stage_and_grade_history_and_claims_read_back_in_order_from_another_instance()
    {
        var created = db.Crm.Customers.Create(new Customer("HIS-1", "history"));
        var next = new StageId("new");
        db.Crm.Lifecycle.Change("HIS-1", next, "qualified", "ann");
        db.Crm.Grades.Assign("HIS-1", "A", "big order", "ann");
        db.Crm.Grades.Review("HIS-1", "still big", "bob");
        db.Crm.Claims.Take("HIS-1", "carla");

        var other = db.Open();
        var stages = other.Lifecycle.History("HIS-1");
        var grades = other.Grades.History("HIS-1");

        Assert.Equal([created.Stage, next], stages.Select(s => s.To));
        Assert.Equal(("qualified", "ann"), (stages[^1].Reason, stages[^1].Actor));
        Assert.Equal([false, true], grades.Select(g => g.IsReview));
        Assert.Equal("A", other.Customers.Get("HIS-1").Grade);
        Assert.Equal("carla", other.Claims.Current("HIS-1")!.Salesperson);
        using var export = JsonDocument.Parse(other.PersonalData.Export("HIS-1"));
        Assert.Contains("carla", export.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
