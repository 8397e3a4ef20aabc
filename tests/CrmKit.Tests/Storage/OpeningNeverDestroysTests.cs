using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LiteDB;

namespace CrmKit.Tests.Storage;

/// <summary>
/// Opening never destroys: a file that is not a whole CrmKit database is refused with a
/// <see cref="DatabaseFileException"/> and left byte for byte as it was, with no log file beside it;
/// only an explicit create option makes a new database; a read-only open writes nothing.
/// </summary>
public class OpeningNeverDestroysTests
{
    private static readonly Lazy<byte[]> Closed = new(() =>
    {
        using var files = new DatabaseFiles();
        return File.ReadAllBytes(files.Database("closed.db", 300));
    });

    [Property(MaxTest = 40)]
    public Property A_file_that_is_not_a_database_is_refused_by_every_open_and_left_as_it_was() =>
        Prop.ForAll(Generators.NotADatabase.ToArbitrary(), bytes => RefusedAndUnchanged(bytes, lockFileMayAppear: false));

    [Property(MaxTest = 40)]
    public Property A_database_cut_short_anywhere_is_refused_and_left_as_it_was() =>
        Prop.ForAll(Gen.Choose(0, Closed.Value.Length - 1).ToArbitrary(), length => RefusedAndUnchanged(Closed.Value[..length], lockFileMayAppear: false));

    [Fact]
    public void A_database_whose_header_page_is_damaged_is_refused_and_left_as_it_was()
    {
        var bytes = (byte[])Closed.Value.Clone();
        new Random(7).NextBytes(bytes.AsSpan(100, 8000));
        Assert.True(RefusedAndUnchanged(bytes, lockFileMayAppear: true));
    }

    [Fact]
    public void A_database_cut_short_beside_its_lock_file_is_checked_again_under_the_lock_and_refused()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 100);
        Assert.True(File.Exists(path + ".lock"));
        var cut = File.ReadAllBytes(path)[..^8192];
        File.WriteAllBytes(path, cut);

        var error = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(path)));

        Assert.Contains("is cut short", error.Message);
        Assert.Equal(cut, File.ReadAllBytes(path));
        Assert.False(File.Exists(files.PathOf("crm-log.db")));
    }

    [Fact]
    public void A_LiteDB_file_of_another_application_is_refused_and_left_as_it_was()
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("orders.db");
        using (var other = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
            other.GetCollection("orders").Insert(new BsonDocument { ["item"] = "tyres" });
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path)));

        Assert.Contains("not a CrmKit database (its collections: orders)", error.Message);
        Assert.Equal(path, error.FilePath);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(files.PathOf("orders-log.db")));
    }

    [Fact]
    public void A_missing_file_is_refused_unless_creation_is_asked_for()
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");

        var error = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(path)));
        Assert.Contains("does not exist", error.Message);
        Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path) with { ReadOnly = true }));
        Assert.Empty(files.Contents());

        using (var created = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path))) created.Customers.Create(new Customer("C-1", "Li Wei"));
        using var opened = CrmDatabase.Open(CrmOptions.ForFile(path));
        Assert.NotNull(opened.Customers.Find("C-1"));
    }

    [Fact]
    public void A_missing_file_beside_its_log_is_refused_rather_than_started_anew()
    {
        using var files = new DatabaseFiles();
        File.WriteAllBytes(files.PathOf("crm-log.db"), new byte[8192]);
        var before = files.Contents();

        var error = Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(files.PathOf("crm.db"))));

        Assert.Contains("log file", error.Message);
        Assert.Equal(before, files.Contents());
    }

    [Fact]
    public void A_wrong_or_missing_password_is_refused_and_the_file_left_as_it_was()
    {
        using var files = new DatabaseFiles();
        var secret = files.Database("secret.db", 5, password: "right");
        var plain = files.Database("plain.db", 5);
        var before = Without(files.Contents(), ".lock");

        Assert.Contains("password is wrong", Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(secret) with { Password = "wrong" })).Message);
        Assert.Contains("is encrypted", Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(secret))).Message);
        Assert.Contains("is not encrypted", Assert.Throws<DatabaseFileException>(() => CrmDatabase.Open(CrmOptions.ForFile(plain) with { Password = "right" })).Message);

        Assert.Equal(before, Without(files.Contents(), ".lock"));
        using var opened = CrmDatabase.Open(CrmOptions.ForFile(secret) with { Password = "right", ReadOnly = true });
        Assert.Equal(5, opened.Customers.All(PageRequest.First).Items.Count);
    }

    [Fact]
    public void A_read_only_open_reads_everything_writes_nothing_and_refuses_writes()
    {
        using var files = new DatabaseFiles();
        var path = files.Database("crm.db", 50);
        var before = Without(files.Contents(), ".lock");

        using (var crm = CrmDatabase.Open(CrmOptions.ForFile(path) with { ReadOnly = true }))
        {
            Assert.Equal(50, crm.Customers.All(new PageRequest(0, 100)).Items.Count);
            Assert.Equal(12m, crm.Interactions.Stats("C2").MonetaryTotal);
            var error = Assert.Throws<DatabaseFileException>(() => crm.Customers.Create(new Customer("C-new", "New")));
            Assert.Contains("read-only", error.Message);
            Assert.Null(crm.Customers.Find("C-new"));
        }

        Assert.Equal(before, Without(files.Contents(), ".lock"));
    }

    /// <summary>Writes <paramref name="bytes"/> as a database file and tries every way of opening it.</summary>
    private static bool RefusedAndUnchanged(byte[] bytes, bool lockFileMayAppear)
    {
        using var files = new DatabaseFiles();
        var path = files.PathOf("crm.db");
        File.WriteAllBytes(path, bytes);
        var before = files.Contents();
        foreach (var options in new[]
        {
            CrmOptions.ForFile(path),
            CrmOptions.ForNewOrExistingFile(path),
            CrmOptions.ForFile(path) with { ReadOnly = true },
            CrmOptions.ForFile(path) with { Password = "secret" },
        })
        {
            var error = Record.Exception(() => CrmDatabase.Open(options).Dispose());
            if (error is not DatabaseFileException refused || refused.FilePath != path) return false;
        }
        var after = files.Contents();
        return Same(lockFileMayAppear ? Without(after, ".lock") : after, before);
    }

    private static Dictionary<string, byte[]> Without(IReadOnlyDictionary<string, byte[]> contents, string suffix) =>
        contents.Where(f => !f.Key.EndsWith(suffix, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);

    private static bool Same(IReadOnlyDictionary<string, byte[]> a, IReadOnlyDictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var other) && other.AsSpan().SequenceEqual(f.Value));
}
