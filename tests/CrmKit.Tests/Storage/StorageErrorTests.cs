namespace CrmKit.Tests.Storage;

/// <summary>The embedded store's own failures reach callers as CrmKit storage errors that name the file.</summary>
public class StorageErrorTests
{
    [Fact]
    public void Opening_an_encrypted_file_without_its_password_is_refused_naming_the_file()
    {
        using var db = TestDatabase.OnFile(o => o with { Password = "correct horse" });
        db.SeedCustomers(1);
        db.Crm.Dispose();

        var e = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(db.FilePath)));

        Assert.Equal(Path.GetFullPath(db.FilePath), e.FilePath);
        Assert.Contains(db.FilePath, e.Message);
        Assert.Contains("password", e.Reason);
        db.Reopen();
        Assert.Equal(1, db.Crm.Customers.Count());
    }
}
