using CrmKit.Storage;
using CrmKit.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Tests;

/// <summary>Opens databases for tests: in memory by default, or on a temporary file that is deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _folder;

    private readonly Func<CrmOptions, ICrmStore>? _store;

    private TestDatabase(bool onFile, Func<CrmOptions, CrmOptions>? configure, Func<CrmOptions, ICrmStore>? store = null)
    {
        _store = store;
        if (onFile)
        {
            _folder = Path.Combine(Path.GetTempPath(), "crmkit-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
        }
        Options = new CrmOptions
        {
            FilePath = _folder is null ? null : Path.Combine(_folder, "crm.db"),
            CreateIfMissing = true,
            TimeProvider = Clock,
            Attributes = Generators.Schema,
        };
        if (configure is not null) Options = configure(Options);
        Crm = OpenDatabase();
    }

    private CrmDatabase OpenDatabase() => _store is null ? CrmDatabase.Open(Options) : CrmDatabase.Open(Options, _store(Options));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public CrmOptions Options { get; }

    public CrmDatabase Crm { get; private set; }

    public string FilePath => Options.FilePath ?? throw new InvalidOperationException("In-memory database.");

    public static TestDatabase InMemory(Func<CrmOptions, CrmOptions>? configure = null) => new(false, configure);

    public static TestDatabase OnFile(Func<CrmOptions, CrmOptions>? configure = null) => new(true, configure);

    /// <summary>A database kept in the store <paramref name="store"/> makes for the options (in memory: no file path).</summary>
    public static TestDatabase OnStore(Func<CrmOptions, ICrmStore> store, Func<CrmOptions, CrmOptions>? configure = null) => new(false, configure, store);

    /// <summary>Creates customers C0 … C(n-1).</summary>
    public void SeedCustomers(int count)
    {
        for (var i = 0; i < count; i++) Crm.Customers.Create(new Customer($"C{i}", $"Customer {i}"));
    }

    /// <summary>
    /// Closes and reopens the file. A store that lives in memory cannot be closed and opened again,
    /// so for one this does nothing: its round trip is through the store's own mapping.
    /// </summary>
    public void Reopen()
    {
        if (Options.FilePath is null) return;
        Crm.Dispose();
        Crm = OpenDatabase();
    }

    /// <summary>Every collection's documents as JSON text, for before/after comparisons.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => Collections.All.ToDictionary(
        c => c,
        c => string.Join("\n", ((CrmKit.Storage.LiteDb.LiteStore)Crm.Store).Dump(c).Select(d => LiteDB.JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal)));

    public void Dispose()
    {
        Crm.Dispose();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }
}
