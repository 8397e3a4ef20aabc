namespace CrmKit.Tests.Storage;

/// <summary>A temporary folder for database files, deleted afterwards, and a way to make a closed database with some data.</summary>
public sealed class DatabaseFiles : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "crmkit-files", Guid.NewGuid().ToString("N"));

    public DatabaseFiles() => Directory.CreateDirectory(Folder);

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Creates a closed database of <paramref name="customers"/> customers, each with a purchase, and returns its path.</summary>
    public string Database(string name, int customers, string? password = null)
    {
        var path = PathOf(name);
        using var crm = CrmDatabase.Open(CrmOptions.ForNewOrExistingFile(path) with { Password = password });
        var at = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));
        crm.Customers.CreateMany(Enumerable.Range(0, customers).Select(i => new Customer($"C{i}", $"Customer {i} 李")).ToList(), actor: "test");
        crm.Interactions.RecordBatch(Enumerable.Range(0, customers)
            .Select(i => new Interaction($"C{i}", InteractionKind.Purchase, Channel.Store, at.AddMinutes(i)) { Amount = 10m + i }).ToList());
        return path;
    }

    /// <summary>Every file in the folder with its bytes, to show that nothing was written, created or removed.</summary>
    public IReadOnlyDictionary<string, byte[]> Contents() =>
        Directory.GetFiles(Folder).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean up when a failing test kept a file open.
        }
    }
}
