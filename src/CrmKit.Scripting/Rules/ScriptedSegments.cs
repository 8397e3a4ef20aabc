namespace CrmKit.Scripting;

/// <summary>
/// Compiles stored scripted segments with a <see cref="ScriptEngine"/>. Set it on
/// <see cref="CrmOptions.SegmentScripts"/> so a database can define and refresh scripted segments.
/// Parameters reach the script as text (<c>Params.Get&lt;string&gt;("name")</c>).
/// </summary>
/// <example>
/// <code>
/// var engine = new ScriptEngine();
/// using var crm = CrmDatabase.Open(CrmOptions.ForFile("crm.db") with { SegmentScripts = new ScriptedSegments(engine) });
/// crm.Segments.Define(new SegmentDefinition("big-spenders", "spent over 1,000", "Customer.MonetaryTotal > 1000m"));
/// </code>
/// </example>
public sealed class ScriptedSegments : ISegmentScriptCompiler
{
    private readonly ScriptEngine _engine;

    /// <summary>Creates the compiler over <paramref name="engine"/>.</summary>
    public ScriptedSegments(ScriptEngine engine) => _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <inheritdoc/>
    /// <exception cref="ScriptCompilationException">The compiler or the sandbox rejected the script.</exception>
    public ISegmentPredicate Compile(SegmentDefinition segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Script is null) throw new CrmValidationException("script", $"segment '{segment.Name}' has no script.");
        var parameters = new ScriptParameters(segment.Parameters.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
        return new ScriptedSegment(_engine.CompileSegment(segment.Script, segment.Name + ".csx"), parameters);
    }
}
