using System.Text.Json;
using CrmKit.Hosting.Scheduling;
using CrmKit.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Hosting.Tests.Docs;

/// <summary>The code of docs/getting-started-developer.md, compiled and run: every C# block of the page must appear here.</summary>
public class GettingStartedDeveloperTests
{
    private static readonly string[] DatabaseFiles = ["crm.db", "crm-log.db", "crm.db.lock", "crm.db.json"];

    [Fact]
    public void Every_code_block_of_the_page_is_taken_from_this_test() =>
        DocSnippets.AssertEveryBlockIsIn("getting-started-developer.md", "tests/CrmKit.Hosting.Tests/Docs/GettingStartedDeveloperTests.cs");

    [Fact]
    public void The_first_customer_is_created_in_a_new_file()
    {
        // The page writes crm.db in the working folder: here the test's output folder, emptied before and after.
        foreach (var file in DatabaseFiles) File.Delete(file);
        try
        {
            FirstCustomer();
            using var again = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile("crm.db"));
            var (customer, stats) = (again.Customers.Get("C-001"), again.Interactions.Stats("C-001"));
            Assert.Equal(("王芳", 1, 1_200m, new StageId("new")), (customer.Name, stats.PurchaseCount, stats.MonetaryTotal, customer.Stage));
            Assert.Throws<DuplicateCustomerException>(() => again.Customers.Create(new Customer("C-001", "王芳")));
        }
        finally
        {
            foreach (var file in DatabaseFiles) File.Delete(file);
        }
    }

    private static void FirstCustomer()
    {
        using var crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile("crm.db"));

        crm.Customers.Create(new Customer("C-001", "王芳")
        {
            Tags = ["vip"],
            ContactPoints = [ContactPoint.Email("wang.fang@example.com")],
            TimeZone = "Asia/Shanghai",
        });
        crm.Interactions.Record(new Interaction("C-001", InteractionKind.Purchase, Channel.Store, DateTimeOffset.UtcNow) { Amount = 1_200m });
        crm.Lifecycle.Change("C-001", "new", reason: "first purchase", actor: "shop");

        var customer = crm.Customers.Get("C-001");
        var stats = crm.Interactions.Stats("C-001");
        Console.WriteLine($"{customer.Name}: {stats.PurchaseCount} purchase(s), {stats.MonetaryTotal} in all, stage {customer.Stage}");
    }

    [Fact]
    public async Task The_host_starts_with_the_pages_settings_and_stores_a_customer()
    {
        using var folder = new TempFolder();
        string[] args = [$"--CrmKit:DatabasePath={folder.File("crm.db")}", "--CrmKit:CreateDatabaseIfMissing=true", $"--CrmKit:ScriptsFolder={folder.File("scripts")}"];

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCrmKit(builder.Configuration.GetSection("CrmKit"), o =>
        {
            o.Schedule("segment-refresh", Every.Minutes(15));                 // stored segments and scripts/segments/*.csx
            o.Schedule("care-sweep", Daily.At("06:00", "Asia/Shanghai"));    // the built-in care rules and scripts/care/*.csx
        });
        builder.Services.AddHealthChecks().AddCrmKit();

        using var host = builder.Build();
        await host.StartAsync();

        var database = host.Services.GetRequiredService<CrmDatabase>();   // a singleton: inject it where you need it
        database.Customers.Create(new Customer("C-002", "Ana Silva") { Tags = ["vip"] });

        await host.StopAsync();

        Assert.Equal("Ana Silva", database.Customers.Get("C-002").Name);
        Assert.Equal(folder.File("crm.db"), database.Location);
    }

    [Fact]
    public void The_pages_settings_name_options_of_the_host()
    {
        var json = DocSnippets.Blocks("getting-started-developer.md", "json").Single();
        var settings = JsonDocument.Parse(json).RootElement.GetProperty("CrmKit");
        foreach (var setting in settings.EnumerateObject()) Assert.NotNull(typeof(CrmKitOptions).GetProperty(setting.Name));
    }
}
