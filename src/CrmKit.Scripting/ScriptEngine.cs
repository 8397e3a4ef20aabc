using System.Security.Cryptography;
using System.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Checks, compiles and loads segment and care scripts. Compiling runs the C# compiler and the
/// sandbox once per distinct source; the result is cached (in memory, and on disk when
/// <see cref="ScriptEngineOptions.CacheDirectory"/> is set) by a hash of the source, the kind and
/// the globals version. Thread-safe; create one per host and keep it.
/// </summary>
/// <example>
/// <code>
/// var engine = new ScriptEngine(new ScriptEngineOptions { TimeProvider = clock });
/// using var vip = engine.CompileSegment("Customer.HasTag(\"vip\") &amp;&amp; Customer.MonetaryTotal > 1000m", "vip.csx");
/// var context = engine.CreateContext();
/// bool member = vip.Evaluate(new CustomerView(customer, stats), context);
/// </code>
/// </example>
public sealed class ScriptEngine
{
    /// <summary>The longest script accepted, in characters.</summary>
    public const int MaxSourceLength = 100_000;

    private static readonly string GlobalsVersion =
        "crmkit-scripts/1/" + typeof(ScriptEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ImageCache _cache;

    /// <summary>Creates an engine.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ScriptEngine(ScriptEngineOptions? options = null)
    {
        Options = options ?? new ScriptEngineOptions();
        Options.Check();
        _cache = new ImageCache(Options.CacheDirectory, Options.MaxCachedImages);
    }

    /// <summary>The options the engine was created with.</summary>
    public ScriptEngineOptions Options { get; }

    /// <summary>A context for one run over many customers: <c>Now</c> is read once from the engine's clock.</summary>
    public ScriptContext CreateContext(ScriptParameters? parameters = null) => new(Options.TimeProvider.GetUtcNow(), parameters);

    /// <summary>
    /// Compiles and sandbox-checks a script without loading it, returning every diagnostic placed in
    /// the user's file as <paramref name="path"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The source is too long or the path is empty.</exception>
    public ScriptCheckResult Check(string source, ScriptKind kind, string path)
    {
        CheckArguments(source, path);
        return ScriptCompiler.Compile(source, kind, path, KeyOf(source, kind), emit: false).Result;
    }

    /// <summary>Compiles (or takes from the cache) and loads a segment script.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The source is too long or the path is empty.</exception>
    public SegmentScript CompileSegment(string source, string path)
    {
        var (image, context, method, guarded) = Load(source, ScriptKind.Segment, path);
        return new SegmentScript(path, image.Key, context, method, guarded, Options);
    }

    /// <summary>Compiles (or takes from the cache) and loads a care script.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The source is too long or the path is empty.</exception>
    public CareScript CompileCare(string source, string path)
    {
        var (image, context, method, guarded) = Load(source, ScriptKind.Care, path);
        return new CareScript(path, image.Key, context, method, guarded, Options);
    }

    /// <summary>Compiles (or takes from the cache) and loads a script of either kind.</summary>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    /// <exception cref="ArgumentException">The source is too long or the path is empty.</exception>
    public CompiledScript Compile(string source, ScriptKind kind, string path) =>
        kind == ScriptKind.Segment ? CompileSegment(source, path) : CompileCare(source, path);

    /// <summary>The cache key of a script: SHA-256 over the globals version, the kind and the source.</summary>
    internal static string KeyOf(string source, ScriptKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{GlobalsVersion}\n{kind}\n{source}")));

    private (CompiledImage Image, ScriptLoadContext Context, System.Reflection.MethodInfo Method, bool Guarded) Load(
        string source, ScriptKind kind, string path)
    {
        CheckArguments(source, path);
        var key = KeyOf(source, kind);
        if (!_cache.TryGet(key, kind, out var image))
        {
            var (result, emitted) = ScriptCompiler.Compile(source, kind, path, key, emit: true);
            if (emitted is null) throw new ScriptCompilationException(result);
            _cache.Add(emitted);
            image = emitted;
        }
        var context = new ScriptLoadContext("CrmKit script " + path);
        var (method, guarded) = context.Load(image);
        return (image, context, method, guarded);
    }

    private static void CheckArguments(string source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (source.Length > MaxSourceLength)
            throw new ArgumentException($"A script may have at most {MaxSourceLength:N0} characters but '{path}' has {source.Length:N0}.", nameof(source));
    }
}
