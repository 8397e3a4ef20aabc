using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// Decides which run-time check a lambda needs, from what the sandbox can prove about it.
/// </summary>
/// <remarks>
/// <para>
/// A lambda is <em>passed and forgotten</em> when it is written directly as an argument of a
/// <c>System.Linq.Enumerable</c> method that returns a value rather than a lazy sequence (<c>Any</c>,
/// <c>All</c>, <c>Count</c>, <c>Sum</c>, <c>First</c>, <c>Max</c>, <c>Aggregate</c>, <c>ToDictionary</c>…)
/// and contains no lambda or local function of its own. Such a method calls the lambda only while
/// it runs and keeps no reference to it afterwards, so the lambda can only run again when the code
/// around the call runs again; that code is the script's top level (which runs once) or a function
/// that carries its own stack check. A passed-and-forgotten lambda therefore cannot recurse and
/// needs no stack check. A lambda given to a lazy operator (<c>Select</c>, <c>Where</c>,
/// <c>SelectMany</c>…) is stored in the sequence it returns and can be re-entered through that
/// sequence, so it keeps the full check.
/// </para>
/// <para>
/// A passed-and-forgotten lambda still counts against the time budget, because the sequence it
/// runs over can be long: built by a loop, or multiplied by lazy operators. When that sequence is a
/// collection of the customer's own data (<c>Customer.Tags</c>, <c>Customer.ContactPoints</c>,
/// <c>Customer.TextList(…)</c>, <c>Customer.Stats.CountsByKind</c>…) the lambda runs at most once per
/// element of data the host loaded, every time the code around it runs, so it needs no check at all:
/// the code around it is either the script's top level or counted itself.
/// </para>
/// </remarks>
internal static class LambdaCheck
{
    internal enum Kind
    {
        /// <summary>Stack check and time budget: <c>ScriptGuard.Enter</c>.</summary>
        Enter,

        /// <summary>Time budget only: <c>ScriptGuard.Tick</c>.</summary>
        Tick,

        /// <summary>No check.</summary>
        None,
    }

    private const string Enumerable = "System.Linq.Enumerable";

    internal static Kind For(SemanticModel model, AnonymousFunctionExpressionSyntax lambda)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument)
            return Kind.Enter;
        if (lambda.Body.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            return Kind.Enter;
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method) return Kind.Enter;
        var definition = method.ReducedFrom ?? method;
        if (definition.ContainingType is not { } type || AllowList.FullName(type) != Enumerable) return Kind.Enter;
        if (IsLazy(method.ReturnType)) return Kind.Enter;
        return IsCustomerData(model, Source(call, method, argument)) ? Kind.None : Kind.Tick;
    }

    /// <summary>True for the lazy sequences LINQ operators return (and keep their lambdas in).</summary>
    private static bool IsLazy(ITypeSymbol type) =>
        type is INamedTypeSymbol named && AllowList.FullName(named) is "System.Collections.Generic.IEnumerable`1"
            or "System.Linq.IOrderedEnumerable`1" or "System.Collections.IEnumerable";

    /// <summary>The sequence the LINQ method runs over: the receiver of an extension call, or its first argument.</summary>
    private static ExpressionSyntax? Source(InvocationExpressionSyntax call, IMethodSymbol method, ArgumentSyntax lambdaArgument)
    {
        if (method.ReducedFrom is not null)
            return call.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        var first = call.ArgumentList.Arguments.FirstOrDefault();
        return first is null || first == lambdaArgument || first.NameColon is not null ? null : first.Expression;
    }

    /// <summary>
    /// True when <paramref name="source"/> reads a collection straight from the customer's data: a
    /// property or method of <c>CustomerView</c> or <c>CustomerStats</c> (a finite collection the
    /// host loaded, never computed by the script).
    /// </summary>
    private static bool IsCustomerData(SemanticModel model, ExpressionSyntax? source)
    {
        while (source is ParenthesizedExpressionSyntax p) source = p.Expression;
        if (source is not (MemberAccessExpressionSyntax or InvocationExpressionSyntax)) return false;
        var symbol = model.GetSymbolInfo(source).Symbol;
        if (symbol is not (IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }) || symbol.IsStatic) return false;
        return symbol.ContainingType is { } type && AllowList.FullName(type) is "CrmKit.Scripting.CustomerView" or "CrmKit.CustomerStats";
    }
}
