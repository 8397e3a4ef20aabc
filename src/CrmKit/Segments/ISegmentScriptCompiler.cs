namespace CrmKit;

/// <summary>
/// Turns a scripted <see cref="SegmentDefinition"/> into a predicate. The core stores script text
/// but never compiles it; CrmKit.Scripting provides the implementation, set on
/// <see cref="CrmOptions.SegmentScripts"/>.
/// </summary>
public interface ISegmentScriptCompiler
{
    /// <summary>Compiles <paramref name="segment"/>'s <see cref="SegmentDefinition.Script"/> with its parameters.</summary>
    /// <exception cref="CrmException">The script does not compile; the exception says where (CrmKit.Scripting throws its ScriptCompilationException).</exception>
    ISegmentPredicate Compile(SegmentDefinition segment);
}
