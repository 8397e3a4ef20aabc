using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Finds recursion the sandbox can prove: a local function that calls itself directly or through
/// other local functions, and a lambda whose body refers to the variable it is stored in. Recursion
/// it cannot see (a delegate passed around through values) is still stopped at run time by the
/// stack check at the start of every lambda and local function.
/// </summary>
internal static class RecursionCheck
{
    internal static IEnumerable<(Location Location, string Message)> Find(SemanticModel model, SyntaxNode root, TextSpan user)
    {
        var functions = root.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Where(f => user.Contains(f.Span)).ToList();
        var calls = new Dictionary<ISymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);
        var declarations = new Dictionary<ISymbol, LocalFunctionStatementSyntax>(SymbolEqualityComparer.Default);
        foreach (var function in functions)
        {
            if (model.GetDeclaredSymbol(function) is not { } symbol) continue;
            declarations[symbol] = function;
            var body = (SyntaxNode?)function.Body ?? function.ExpressionBody;
            calls[symbol] = body is null ? [] : body.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Select(id => model.GetSymbolInfo(id).Symbol)
                .Where(s => s is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
                .Select(s => ((IMethodSymbol)s!).OriginalDefinition)
                .ToHashSet<ISymbol>(SymbolEqualityComparer.Default);
        }
        foreach (var (symbol, declaration) in declarations)
            if (Reaches(symbol, symbol, calls, new HashSet<ISymbol>(SymbolEqualityComparer.Default)))
                yield return (declaration.Identifier.GetLocation(),
                    $"The local function '{symbol.Name}' calls itself (directly or through other local functions); recursion is not allowed in scripts.");

        foreach (var lambda in root.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>().Where(l => user.Contains(l.Span)))
        {
            var target = lambda.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => model.GetDeclaredSymbol(v),
                AssignmentExpressionSyntax a when a.Right == lambda => model.GetSymbolInfo(a.Left).Symbol,
                _ => null,
            };
            if (target is not ILocalSymbol) continue;
            var refersToItself = lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(id => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, target));
            if (refersToItself)
                yield return (lambda.GetLocation(),
                    $"The lambda stored in '{target.Name}' calls itself; recursion is not allowed in scripts.");
        }
    }

    private static bool Reaches(ISymbol from, ISymbol goal, Dictionary<ISymbol, HashSet<ISymbol>> calls, HashSet<ISymbol> visited)
    {
        if (!calls.TryGetValue(from, out var next)) return false;
        foreach (var callee in next)
        {
            if (SymbolEqualityComparer.Default.Equals(callee, goal)) return true;
            if (visited.Add(callee) && Reaches(callee, goal, calls, visited)) return true;
        }
        return false;
    }
}
