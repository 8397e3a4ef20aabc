using System.Security.Cryptography;
using System.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Checks, compiles and loads segment and care scripts. By default (<see cref="ScriptIsolation.Worker"/>)
/// compiling and evaluating happen in worker processes with hard limits, so no script can crash,
/// hang or exhaust the host; <see cref="ScriptIsolation.InProcess"/> is for trusted scripts.
/// Compiling runs the C# compiler and the sandbox once per distinct source; the result is cached
/// (in memory, and on disk when <see cref="ScriptEngineOptions.CacheDirectory"/> is set) by a hash
/// of the source, the kind and the globals version. Thread-safe; create one per host, keep it, and
/// dispose it at the end to end its workers.
/// </summary>
/// <example>
/// <code>
/// using var engine = new ScriptEngine(new ScriptEngineOptions { TimeProvider = clock });
/// using var vip = engine.CompileSegment("Customer.HasTag(\"vip\") &amp;&amp; Customer.MonetaryTotal > 1000m", "vip.csx");
/// var context = engine.CreateContext();
/// bool member = vip.Evaluate(new CustomerView(customer, stats), context);
/// </code>
/// </example>
public sealed class ScriptEngine : IDisposable
{
    /// <summary>The longest script accepted, in characters.</summary>
    public const int MaxSourceLength = 100_000;

    private static readonly string GlobalsVersion =
        "crmkit-scripts/2/" + typeof(ScriptEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ImageCache _cache;
    private readonly Lazy<WorkerPool> _evaluators;
    private readonly Lazy<WorkerPool> _compiler;

    /// <summary>Creates an engine. Workers start when the first script needs one.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ScriptEngine(ScriptEngineOptions? options = null)
    {
        Options = options ?? new ScriptEngineOptions();
        Options.Check();
        _cache = new ImageCache(Options.CacheDirectory, Options.MaxCachedImages);
        var settings = new Lazy<WorkerSettings>(() => WorkerSettings.From(Options));
        _evaluators = new(() => SharedPools.Acquire(settings.Value, Options.WorkerCount));
        // Compiling loads the compiler into its worker; it is recycled far less often, since a
        // compilation loads no script code.
        _compiler = new(() => SharedPools.Acquire(settings.Value with { RecycleAfterLoads = 256 }, 1));
    }

    /// <summary>The options the engine was created with.</summary>
    public ScriptEngineOptions Options { get; }

    /// <summary>The pool of evaluating workers (started on first use), for tests.</summary>
    internal WorkerPool Evaluators => _evaluators.Value;

    /// <summary>A context for one run over many customers: <c>Now</c> is read once from the engine's clock.</summary>
    public ScriptContext CreateContext(ScriptParameters? parameters = null) => new(Options.TimeProvider.GetUtcNow(), parameters);

    /// <summary>
    /// Reads a script file, but never more than one character past <see cref="MaxSourceLength"/>:
    /// a longer file (or an endless one such as <c>/dev/zero</c>) is cut there, and checking the
    /// text then reports it as too long. The file is UTF-8, or UTF-16 when it starts with that
    /// byte-order mark; a byte that makes no character in it rejects the file.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="ScriptCompilationException">The file is not valid UTF-8 (or UTF-16); the diagnostic (<c>CRM0017</c>) names the line and column.</exception>
    public static string ReadSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return SourceFile.Read(path, MaxSourceLength);
    }

    /// <summary>
    /// Compiles and sandbox-checks a script without loading it, returning every diagnostic placed in
    /// the user's file as <paramref name="path"/>. A script that is too long, nested too deeply, or
    /// too complex to compile within the compiling worker's limits is rejected with <c>CRM0014</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public ScriptCheckResult Check(string source, ScriptKind kind, string path)
    {
        CheckArguments(source, path);
        if (SourceLimits.Check(source, path) is { } early) return new ScriptCheckResult(path, kind, [early]);
        return Compile(source, kind, path, KeyOf(source, kind), emit: false).Result;
    }

    /// <summary>Compiles (or takes from the cache) and loads a segment script.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public SegmentScript CompileSegment(string source, string path)
    {
        var image = Image(source, ScriptKind.Segment, path);
        if (Options.Isolation == ScriptIsolation.Worker)
            return new SegmentScript(path, image.Key, Remote(image, path), Options) { Reads = image.Reads, Names = ScriptNames.Of(source) };
        var (context, method, guarded) = LoadHere(image, path, Options.CollectibleInProcess);
        return new SegmentScript(path, image.Key, context, method, guarded, Options) { Reads = image.Reads, Names = ScriptNames.Of(source) };
    }

    /// <summary>Compiles (or takes from the cache) and loads a care script.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public CareScript CompileCare(string source, string path)
    {
        var image = Image(source, ScriptKind.Care, path);
        if (Options.Isolation == ScriptIsolation.Worker)
            return new CareScript(path, image.Key, Remote(image, path), Options) { Reads = image.Reads, Names = ScriptNames.Of(source) };
        var (context, method, guarded) = LoadHere(image, path, Options.CollectibleInProcess);
        return new CareScript(path, image.Key, context, method, guarded, Options) { Reads = image.Reads, Names = ScriptNames.Of(source) };
    }

    /// <summary>Compiles (or takes from the cache) and loads a script of either kind.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public CompiledScript Compile(string source, ScriptKind kind, string path) =>
        kind == ScriptKind.Segment ? CompileSegment(source, path) : CompileCare(source, path);

    /// <summary>
    /// Ends the engine's worker processes (workers are shared by the engines of a process that
    /// have the same worker options; they end with the last of those engines). Isolated scripts of
    /// this engine cannot be evaluated afterwards. Calling it twice does nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_evaluators.IsValueCreated) SharedPools.Release(_evaluators.Value);
        if (_compiler.IsValueCreated) SharedPools.Release(_compiler.Value);
    }

    private int _disposed;

    /// <summary>The cache key of a script: SHA-256 over the globals version, the kind and the source.</summary>
    internal static string KeyOf(string source, ScriptKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{GlobalsVersion}\n{kind}\n{source}")));

    private CompiledImage Image(string source, ScriptKind kind, string path)
    {
        CheckArguments(source, path);
        if (SourceLimits.Check(source, path) is { } early) throw new ScriptCompilationException(new ScriptCheckResult(path, kind, [early]));
        var key = KeyOf(source, kind);
        if (_cache.TryGet(key, kind, out var image)) return image;
        var (result, emitted) = Compile(source, kind, path, key, emit: true);
        if (emitted is null) throw new ScriptCompilationException(result);
        _cache.Add(emitted);
        return emitted;
    }

    private (ScriptCheckResult Result, CompiledImage? Image) Compile(string source, ScriptKind kind, string path, string key, bool emit)
    {
        if (Options.Isolation == ScriptIsolation.InProcess) return ScriptCompiler.Compile(source, kind, path, key, emit);
        using var request = new MemoryStream();
        var w = new BinaryWriter(request);
        w.Write((byte)(emit ? WorkerOp.Compile : WorkerOp.Check));
        w.Write((byte)kind);
        w.Write(path);
        w.Write(source);
        w.Write(key);
        w.Flush();
        try
        {
            return _compiler.Value.Use(worker =>
            {
                worker.Uses++;
                var reply = worker.Call(request, Options.WorkerCompileTimeLimit);
                var result = new ScriptCheckResult(path, kind, reply.ReadDiagnostics(path));
                if (!reply.ReadBoolean()) return (result, (CompiledImage?)null);
                var assembly = reply.ReadBytes(reply.ReadInt32());
                var symbols = reply.ReadBytes(reply.ReadInt32());
                return (result, new CompiledImage(key, kind, assembly, symbols, (ViewParts)reply.ReadByte()));
            });
        }
        catch (Exception e) when (e is WorkerEndedException or WorkerRequestFailedException)
        {
            return (new ScriptCheckResult(path, kind,
            [
                new ScriptDiagnostic(path, 1, 1, ScriptSeverity.Error, SandboxRule.Complexity,
                    "The script is too complex: compiling it went past the compiler's limits (" + e.Message.TrimEnd('.') + ")."),
            ]), null);
        }
    }

    private RemoteScript Remote(CompiledImage image, string path) =>
        new(_evaluators.Value, image, path, new BudgetLimits(Options.TimeBudget, Options.MemoryBudgetBytes));

    private static (ScriptLoadContext Context, System.Reflection.MethodInfo Method, bool Guarded) LoadHere(CompiledImage image, string path, bool collectible)
    {
        var context = new ScriptLoadContext("CrmKit script " + path, collectible);
        var (method, guarded) = context.Load(image);
        return (context, method, guarded);
    }

    private static void CheckArguments(string source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
    }
}
