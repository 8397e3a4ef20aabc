namespace CrmKit.Scripting;

/// <summary>
/// Named scripts a host keeps loaded, such as the segment and care scripts of a folder. Setting a
/// name again replaces its script and unloads the old one; removing a name unloads its script.
/// Thread-safe: a replaced script finishes the evaluations already running on it.
/// </summary>
public sealed class ScriptLibrary : IDisposable
{
    private readonly ScriptEngine _engine;
    private readonly Dictionary<string, CompiledScript> _scripts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates an empty library compiling with <paramref name="engine"/>.</summary>
    public ScriptLibrary(ScriptEngine engine) => _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>The names of the loaded scripts.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_lock) return _scripts.Keys.Order(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>
    /// Compiles <paramref name="source"/> and stores it under <paramref name="name"/>, unloading the
    /// script it replaces. When compiling fails, the previous script stays.
    /// </summary>
    /// <exception cref="ScriptCompilationException">The script was rejected.</exception>
    public CompiledScript Set(string name, string source, ScriptKind kind)
    {
        var script = _engine.Compile(source, kind, name);
        CompiledScript? old;
        lock (_lock)
        {
            _scripts.TryGetValue(name, out old);
            _scripts[name] = script;
        }
        old?.Dispose();
        return script;
    }

    /// <summary>The script stored under <paramref name="name"/>, or null.</summary>
    public CompiledScript? Find(string name)
    {
        lock (_lock) return _scripts.GetValueOrDefault(name);
    }

    /// <summary>Removes and unloads the script stored under <paramref name="name"/>; false when there was none.</summary>
    public bool Remove(string name)
    {
        CompiledScript? old;
        lock (_lock)
        {
            if (!_scripts.Remove(name, out old)) return false;
        }
        old.Dispose();
        return true;
    }

    /// <summary>Unloads every script.</summary>
    public void Dispose()
    {
        CompiledScript[] all;
        lock (_lock)
        {
            all = [.. _scripts.Values];
            _scripts.Clear();
        }
        foreach (var script in all) script.Dispose();
    }
}
