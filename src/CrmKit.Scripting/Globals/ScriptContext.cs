namespace CrmKit.Scripting;

/// <summary>
/// What one run of scripts over many customers shares: the instant <c>Now</c> (read once from the
/// engine's <see cref="TimeProvider"/>, so every customer in a sweep sees the same time) and the
/// host's parameters. Create one with <see cref="ScriptEngine.CreateContext"/>. Immutable.
/// </summary>
public sealed class ScriptContext
{
    /// <summary>Creates a context for the instant <paramref name="now"/>.</summary>
    public ScriptContext(DateTimeOffset now, ScriptParameters? parameters = null)
    {
        Now = now;
        Parameters = parameters ?? ScriptParameters.Empty;
    }

    /// <summary>The instant scripts see as <c>Now</c>.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The parameters scripts see as <c>Params</c>.</summary>
    public ScriptParameters Parameters { get; }
}
