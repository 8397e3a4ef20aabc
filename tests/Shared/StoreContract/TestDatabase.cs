using CrmKit.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CrmKit.Tests;

/// <summary>
/// Opens databases for tests: in memory by default, on a temporary file that is deleted
/// afterwards, on a store given by the test, or on a database server (<see cref="IServerStore"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _folder;

    private readonly Func<CrmOptions, ICrmStore>? _store;
    private readonly IServerStore? _server;

    private TestDatabase(bool onFile, Func<CrmOptions, CrmOptions>? configure, Func<CrmOptions, ICrmStore>? store = null, IServerStore? server = null)
    {
        _store = store;
        _server = server;
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

    private CrmDatabase OpenDatabase() =>
        _server is not null ? _server.Open(Options)
        : _store is null ? CrmDatabase.Open(Options)
        : CrmDatabase.Open(Options, _store(Options));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public CrmOptions Options { get; }

    public CrmDatabase Crm { get; private set; }

    public string FilePath => Options.FilePath ?? throw new InvalidOperationException("In-memory database.");

    public static TestDatabase InMemory(Func<CrmOptions, CrmOptions>? configure = null) => new(false, configure);

    public static TestDatabase OnFile(Func<CrmOptions, CrmOptions>? configure = null) => new(true, configure);

    /// <summary>A database kept in the store <paramref name="store"/> makes for the options (in memory: no file path).</summary>
    public static TestDatabase OnStore(Func<CrmOptions, ICrmStore> store, Func<CrmOptions, CrmOptions>? configure = null) => new(false, configure, store);

    /// <summary>A database kept by a server: <see cref="Reopen"/> closes it and opens it again from the server.</summary>
    public static TestDatabase OnServer(IServerStore server, Func<CrmOptions, CrmOptions>? configure = null) => new(false, configure, server: server);

    /// <summary>
    /// Every byte the store keeps outside the process for this database: the file and its log for
    /// a file, a dump for a server, nothing for a store in memory.
    /// </summary>
    public byte[] RawContent()
    {
        if (_server is not null) return _server.RawContent();
        if (_folder is null) return [];
        return Directory.GetFiles(_folder).SelectMany(File.ReadAllBytes).ToArray();
    }

    /// <summary>Creates customers C0 … C(n-1).</summary>
    public void SeedCustomers(int count)
    {
        for (var i = 0; i < count; i++) Crm.Customers.Create(new Customer($"C{i}", $"Customer {i}"));
    }

    /// <summary>
    /// Closes and reopens the file or the server's database. A store that lives in memory cannot be
    /// closed and opened again, so for one this does nothing: its round trip is through the store's
    /// own mapping.
    /// </summary>
    public void Reopen()
    {
        if (Options.FilePath is null && _server is null) return;
        Crm.Dispose();
        Crm = OpenDatabase();
    }

    public void Dispose()
    {
        Crm.Dispose();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        _server?.Dispose();
    }
}
