namespace CrmKit.Tests.Storage;

/// <summary>
/// A database file is locked while it is open: one writer excludes everyone, read-only opens share
/// it with each other. A refusal names the process; an open with a lock timeout waits for a release.
/// </summary>
public class FileLockTests
{
    [Fact]
    public void A_second_writer_is_refused_naming_the_process_that_holds_the_file()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 3);
        using var first = CrmDatabase.Open(CrmOptions.ForFile(path));

        var error = Assert.Throws<DatabaseInUseException>(() => CrmDatabase.Open(CrmOptions.ForFile(path)));
        Assert.Equal(Environment.ProcessId, error.ProcessId);
        Assert.Contains($"is in use by process {Environment.ProcessId}", error.Message);
        Assert.Throws<DatabaseInUseException>(() => CrmDatabase.Open(CrmOptions.ForFile(path) with { ReadOnly = true }));
    }

    [Fact]
    public void Readers_share_the_file_and_exclude_a_writer_until_the_last_one_closes()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 3);
        var reader = CrmOptions.ForFile(path) with { ReadOnly = true };
        var one = CrmDatabase.Open(reader);
        var two = CrmDatabase.Open(reader);
        Assert.Equal(3, two.Customers.All(PageRequest.First).Items.Count);

        Assert.Throws<DatabaseInUseException>(() => CrmDatabase.Open(CrmOptions.ForFile(path)));
        one.Dispose();
        Assert.Throws<DatabaseInUseException>(() => CrmDatabase.Open(CrmOptions.ForFile(path)));
        two.Dispose();

        using var writer = CrmDatabase.Open(CrmOptions.ForFile(path));
        writer.Customers.Create(new Customer("C-9", "Nine"));
    }

    [Fact]
    public async Task An_open_with_a_lock_timeout_waits_for_the_holder_to_close()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 3);
        var holder = CrmDatabase.Open(CrmOptions.ForFile(path));
        using var started = new ManualResetEventSlim();

        var waiting = Task.Run(() =>
        {
            started.Set();
            return CrmDatabase.Open(CrmOptions.ForFile(path) with { LockTimeout = TimeSpan.FromMinutes(2) });
        });
        started.Wait();
        holder.Customers.Create(new Customer("C-held", "Written while the other waits"));
        holder.Dispose();

        using var opened = await waiting;
        Assert.NotNull(opened.Customers.Find("C-held"));
    }

    [Fact]
    public void A_database_that_is_not_locked_any_more_opens_although_its_lock_file_remains()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 1);
        Assert.True(File.Exists(path + ".lock"));

        using var crm = CrmDatabase.Open(CrmOptions.ForFile(path));
        Assert.NotNull(crm.Customers.Find("C0"));
    }

    [Fact]
    public void A_negative_lock_timeout_is_rejected_naming_the_option()
    {
        var error = Assert.Throws<CrmValidationException>(() => CrmDatabase.Open(CrmOptions.ForFile("crm.db") with { LockTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("lockTimeout", error.Field);
    }
}
