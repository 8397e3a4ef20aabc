using System.Text.Json;

namespace CrmKit.Tests.Privacy;

public class ExportTests
{
    [Fact]
    public void Export_holds_everything_about_the_customer_as_readable_json()
    {
        using var db = TestDatabase.InMemory();
        db.Crm.Customers.Create(new Customer("C0", "فاطمة 李 🚗") { Grade = "B", ContactPoints = [ContactPoint.Email("f@example.com")] });
        db.Crm.Interactions.Record(new Interaction("C0", "purchase", "store", db.Clock.GetUtcNow()) { Amount = 10.50m, Notes = "první \"quoted\"\n\\ \u0001 end" });
        db.Crm.Lifecycle.Change("C0", "new", "bought", "staff");
        db.Crm.Grades.Assign("C0", "A", "big order", "staff");
        db.Crm.Claims.Take("C0", "sales.ana");

        var json = db.Crm.PersonalData.Export("C0");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Contains("فاطمة 李 🚗", json); // not \u-escaped
        Assert.Equal("فاطمة 李 🚗", root.GetProperty("name").GetString());
        Assert.Equal("f@example.com", root.GetProperty("contactPoints")[0].GetProperty("value").GetString());
        Assert.Equal(10.50m, root.GetProperty("interactions")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("první \"quoted\"\n\\ \u0001 end", root.GetProperty("interactions")[0].GetProperty("notes").GetString());
        Assert.Equal(2, root.GetProperty("stageHistory").GetArrayLength());
        Assert.Equal(["B", "A"], root.GetProperty("gradeHistory").EnumerateArray().Select(g => g.GetProperty("to").GetString()));
        Assert.Equal("sales.ana", root.GetProperty("claim").GetProperty("salesperson").GetString());
        Assert.Equal(1, root.GetProperty("stats").GetProperty("purchaseCount").GetInt32());
    }
}
