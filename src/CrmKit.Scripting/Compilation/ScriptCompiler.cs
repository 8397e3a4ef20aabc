using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CrmKit.Scripting;

/// <summary>
/// Turns a script's source into diagnostics and, when it is accepted, an assembly. Order matters:
/// the compiler's diagnostics and the sandbox run on the user's code as written; only an accepted
/// script is rewritten with budget checks and emitted. Nothing is loaded here.
/// </summary>
internal static class ScriptCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: false);

    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    /// <summary>Checks the script and, when <paramref name="emit"/> is set and it is accepted, emits it.</summary>
    internal static (ScriptCheckResult Result, CompiledImage? Image) Compile(string source, ScriptKind kind, string path, string key, bool emit)
    {
        var mappedPath = path.Replace('"', '\'');
        var wrapper = ScriptWrapper.Create(source, kind, mappedPath, guarded: false);
        var tree = CSharpSyntaxTree.ParseText(wrapper.Text, ParseOptions, ScriptWrapper.WrapperPath, Encoding.UTF8);
        if (LambdaNesting.TooDeep(tree.GetRoot()) is { } deep)
        {
            // Before anything is bound: binding such a script is what takes minutes.
            return (new ScriptCheckResult(path, kind,
            [
                Map(deep, ScriptSeverity.Error, SandboxRule.Complexity,
                    $"The script is too complex: lambdas passed as arguments nest more than {LambdaNesting.MaxNesting} deep here (the compiler would try every overload of every level).",
                    path, mappedPath),
            ]), null);
        }
        var compilation = CSharpCompilation.Create("CrmKitScript_" + key[..16], [tree], ScriptReferences.All, CompilationOptions);

        var diagnostics = new List<ScriptDiagnostic>();
        foreach (var d in compilation.GetDiagnostics())
        {
            if (d.Severity == DiagnosticSeverity.Error) diagnostics.Add(Map(d.Location, ScriptSeverity.Error, d.Id, d.GetMessage(CultureInfo.InvariantCulture), path, mappedPath));
            else if (d.Severity == DiagnosticSeverity.Warning && InUserFile(d.Location, mappedPath))
                diagnostics.Add(Map(d.Location, ScriptSeverity.Warning, d.Id, d.GetMessage(CultureInfo.InvariantCulture), path, mappedPath));
        }
        var model = compilation.GetSemanticModel(tree);
        if (!wrapper.HasExpectedShape(tree))
        {
            if (!tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                diagnostics.Add(new ScriptDiagnostic(path, 1, 1, ScriptSeverity.Error, SandboxRule.Shape,
                    "A script must be one expression or one statement body; it may not close the generated method to declare members of its own."));
        }
        else
        {
            foreach (var (location, code, message) in SandboxChecker.Check(model, wrapper.UserSpan))
                diagnostics.Add(Map(location, ScriptSeverity.Error, code, message, path, mappedPath));
        }
        diagnostics.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var result = new ScriptCheckResult(path, kind, diagnostics);
        if (!emit || !result.IsAccepted) return (result, null);

        // First with LINQ tests over the customer's data turned into loops; should that ever not
        // compile, the plain rewrite (same checks, LINQ calls as written) is emitted instead.
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = Emit(compilation, tree, BudgetRewriter.Rewrite(model, wrapper.UserSpan, mappedPath).Root, assembly, symbols);
        if (!emitted.Success)
        {
            assembly.SetLength(0);
            symbols.SetLength(0);
            emitted = Emit(compilation, tree, BudgetRewriter.Rewrite(model, wrapper.UserSpan).Root, assembly, symbols);
        }
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Map(d.Location, ScriptSeverity.Error, d.Id, d.GetMessage(CultureInfo.InvariantCulture), path, mappedPath)).ToList();
            return (new ScriptCheckResult(path, kind, errors), null);
        }
        return (result, new CompiledImage(key, kind, assembly.ToArray(), symbols.ToArray(), ViewReads.Of(model, wrapper.UserSpan)));
    }

    private static EmitResult Emit(CSharpCompilation compilation, SyntaxTree tree, SyntaxNode root, Stream assembly, Stream symbols)
    {
        // Parsed again from text, so the #line directives of generated loops map lines like the user's own.
        var rewritten = CSharpSyntaxTree.ParseText(root.ToFullString(), ParseOptions, ScriptWrapper.WrapperPath, Encoding.UTF8);
        return compilation.ReplaceSyntaxTree(tree, rewritten).Emit(assembly, symbols, options: EmitOptions);
    }

    private static bool InUserFile(Location location, string mappedPath)
    {
        if (!location.IsInSource) return false;
        var span = location.GetMappedLineSpan();
        return span.HasMappedPath && span.Path == mappedPath;
    }

    /// <summary>
    /// Places a diagnostic in the user's file. One that falls in generated code (for example "not all
    /// code paths return a value", reported on the generated method) is placed at line 1, column 1.
    /// </summary>
    private static ScriptDiagnostic Map(Location location, ScriptSeverity severity, string code, string message, string path, string mappedPath)
    {
        if (!InUserFile(location, mappedPath)) return new ScriptDiagnostic(path, 1, 1, severity, code, message);
        var start = location.GetMappedLineSpan().StartLinePosition;
        return new ScriptDiagnostic(path, start.Line + 1, start.Character + 1, severity, code, message);
    }
}
