using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// Turns <c>Any</c>, <c>All</c> and <c>Count</c> with a lambda over a list of the customer's own data
/// (<c>Customer.Tags.Any(t => t.StartsWith("vi"))</c>) into a call of a generated static local
/// function that runs the same test in a plain loop, so the test is compiled together with the
/// loop instead of being called through a delegate for every element. An array (how customer
/// lists are usually held) is walked directly, any other list by index.
/// </summary>
/// <remarks>
/// Only a lambda that <see cref="LambdaCheck"/> lets run without any budget check qualifies, and
/// only when it has one parameter, an expression body and uses nothing but that parameter (no
/// local, no global, no local function), so the loop needs no check either and behaves exactly as
/// the LINQ method: same elements, same order, same early exit, same exceptions. The test keeps its
/// line in the user's file through a <c>#line</c> directive, so runtime errors still name it.
/// </remarks>
internal static class LoopInliner
{
    internal const string Prefix = "CrmKitLoop";

    /// <summary>The generated local function for <paramref name="call"/>, or null when it does not qualify.</summary>
    internal static (string Name, string Declaration)? TryInline(SemanticModel model, InvocationExpressionSyntax call, int index, string path)
    {
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol { ReducedFrom: { } definition } method) return null;
        if (definition.ContainingType is not { } type || AllowList.FullName(type) != "System.Linq.Enumerable") return null;
        if (method.Name is not ("Any" or "All" or "Count") || call.ArgumentList.Arguments.Count != 1) return null;
        if (call.ArgumentList.Arguments[0] is not { NameColon: null, RefKindKeyword.RawKind: 0, Expression: AnonymousFunctionExpressionSyntax lambda }) return null;
        if (LambdaCheck.For(model, lambda) != LambdaCheck.Kind.None) return null;
        if (call.Expression is not MemberAccessExpressionSyntax access) return null;
        if (model.GetTypeInfo(access.Expression).Type is not INamedTypeSymbol { TypeArguments.Length: 1 } source
            || AllowList.FullName(source) != "System.Collections.Generic.IReadOnlyList`1") return null;
        var (parameter, body) = lambda switch
        {
            SimpleLambdaExpressionSyntax { Parameter: var p, ExpressionBody: { } e } => (p, e),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var p], ExpressionBody: { } e } => (p, e),
            _ => default,
        };
        if (parameter is null || body is null || parameter.Modifiers.Count > 0 || parameter.Identifier.Text == "_") return null;
        if (model.GetDeclaredSymbol(parameter) is not { } own || !UsesOnly(model, body, own, lambda)) return null;

        var element = source.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var line = body.GetLocation().GetMappedLineSpan().StartLinePosition.Line + 1;
        var name = Prefix + index.ToString(CultureInfo.InvariantCulture);
        var variable = parameter.Identifier.Text;
        // Arrays (how customer lists are usually held) are walked directly, found by an exact type test
        // (which compiles to one compare, where "is T[]" calls a runtime helper); any other list by index.
        // The whole loop sits on the test's line, so a failure inside it is reported there.
        var test = body.ToString();
        var (each, done) = method.Name switch
        {
            "Any" => ($"if ({test}) return true;", "return false;"),
            "All" => ($"if (!({test})) return false;", "return true;"),
            _ => ($"if ({test}) crmkitN = checked(crmkitN + 1);", "return crmkitN;"),
        };
        var loop = (method.Name == "Count" ? "var crmkitN = 0; " : "")
            + $"if (crmkitSource.GetType() == typeof({element}[])) {{ foreach (var {variable} in global::System.Runtime.CompilerServices.Unsafe.As<{element}[]>(crmkitSource)) {{ {each} }} {done} }} "
            + $"for (var crmkitI = 0; crmkitI < crmkitSource.Count; crmkitI++) {{ var {variable} = crmkitSource[crmkitI]; {each} }} {done}";
        loop = "#line " + line.ToString(CultureInfo.InvariantCulture) + " \"" + path + "\"\n" + loop + "\n#line default";
        var result = method.Name == "Count" ? "int" : "bool";
        return (name, $"\n        static {result} {name}(global::System.Collections.Generic.IReadOnlyList<{element}> crmkitSource)\n        {{\n{loop}\n        }}\n");
    }

    /// <summary>True when <paramref name="body"/> refers to no local, parameter or local function other than <paramref name="own"/>.</summary>
    private static bool UsesOnly(SemanticModel model, ExpressionSyntax body, ISymbol own, SyntaxNode lambda)
    {
        foreach (var id in body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(id).Symbol;
            if (symbol is ILocalSymbol local && !local.Locations.All(l => lambda.Span.Contains(l.SourceSpan))) return false;
            if (symbol is IParameterSymbol && !SymbolEqualityComparer.Default.Equals(symbol, own)) return false;
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } or IRangeVariableSymbol) return false;
        }
        return true;
    }
}
