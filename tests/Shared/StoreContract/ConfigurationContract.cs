using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>The configuration document: stored on first open, read back whole, kept only when its unit of work commits.</summary>
public abstract class ConfigurationContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private static string? Stored(TestDatabase db) =>
        db.Crm.Store.ReadAsync((s, ct) => s.Configuration.ReadAsync(ct), default).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void Opening_stores_the_configuration_the_options_give()
    {
        using var db = Open(o => o with
        {
            Attributes = AttributeSchema.Empty.Define("plan", AttributeType.Text).Define("lines", AttributeType.Integer),
            ContactPolicy = new ContactPolicy { MaxPerChannel = 3, CapWindow = TimeSpan.FromDays(14), RequireOptIn = true },
        });
        var stored = ConfigurationDocument.Read(Assert.IsType<string>(Stored(db)), "test");
        Assert.Equal(db.Crm.Options.Attributes.Attributes.OrderBy(a => a.Key), stored.Attributes.Attributes.OrderBy(a => a.Key));
        Assert.Equal(db.Crm.Options.ContactPolicy, stored.ContactPolicy);
        Assert.Equal(db.Crm.Options.Stages.Initial, stored.Stages.Initial);
        Assert.True(db.Crm.Options.PurchaseKinds.SetEquals(stored.PurchaseKinds));
    }

    [Fact]
    public async Task A_document_reads_back_as_written_and_one_written_in_a_failed_unit_of_work_is_not_kept()
    {
        using var db = Open();
        var before = Stored(db);
        var changed = ConfigurationDocument.Write(CrmConfiguration.From(db.Crm.Options with
        {
            Attributes = db.Crm.Options.Attributes.Define("zone", AttributeType.Text),
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Crm.Store.WriteAsync<int>(async (s, ct) =>
        {
            await s.Configuration.WriteAsync(changed, ct);
            throw new InvalidOperationException("stop");
        }, default).AsTask());
        Assert.Equal(before, Stored(db));

        await db.Crm.Store.WriteAsync(async (s, ct) => { await s.Configuration.WriteAsync(changed, ct); return 0; }, default);
        Assert.Equal(AttributeType.Text, ConfigurationDocument.Read(Stored(db)!, "test").Attributes.Attributes["zone"]);
    }
}
