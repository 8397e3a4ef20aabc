using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// Recognises the calls that produce lazy LINQ sequences: a <c>System.Linq.Enumerable</c> method that
/// returns <c>IEnumerable&lt;T&gt;</c> or <c>IOrderedEnumerable&lt;T&gt;</c> (<c>Select</c>, <c>Where</c>,
/// <c>Concat</c>, <c>Distinct</c>, <c>Reverse</c>, <c>DefaultIfEmpty</c>, <c>OrderBy</c>…). The rewriter
/// wraps each such result in <c>ScriptGuard.Metered</c>; the sandbox rejects the uses of those methods
/// whose result the rewriter could not wrap.
/// </summary>
internal static class LazySequence
{
    private const string Enumerable = "System.Linq.Enumerable";

    /// <summary>True for a lazy sequence type: <c>IEnumerable&lt;T&gt;</c> or <c>IOrderedEnumerable&lt;T&gt;</c>.</summary>
    internal static bool IsLazy(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && AllowList.FullName(named) is "System.Collections.Generic.IEnumerable`1" or "System.Linq.IOrderedEnumerable`1";

    /// <summary>True when <paramref name="method"/> is a <c>System.Linq.Enumerable</c> method returning a lazy sequence.</summary>
    internal static bool IsLazyOperator(IMethodSymbol method) =>
        (method.ReducedFrom ?? method).ContainingType is { } type && AllowList.FullName(type) == Enumerable && IsLazy(method.ReturnType);

    /// <summary>True when <paramref name="call"/> calls a lazy LINQ operator.</summary>
    internal static bool IsLazyOperatorCall(SemanticModel model, InvocationExpressionSyntax call) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol method && IsLazyOperator(method);

    /// <summary>
    /// True when <paramref name="call"/> sits after <c>?.</c> (<c>s?.Distinct()</c>), where its
    /// result cannot be wrapped without changing what the expression means.
    /// </summary>
    internal static bool AfterConditionalAccess(InvocationExpressionSyntax call)
    {
        ExpressionSyntax? e = call;
        while (true)
        {
            switch (e)
            {
                case InvocationExpressionSyntax i: e = i.Expression; break;
                case MemberAccessExpressionSyntax m: e = m.Expression; break;
                case ElementAccessExpressionSyntax a: e = a.Expression; break;
                case PostfixUnaryExpressionSyntax p: e = p.Operand; break;
                case MemberBindingExpressionSyntax or ElementBindingExpressionSyntax: return true;
                default: return false;
            }
        }
    }

    /// <summary>True when <paramref name="name"/> names the method an invocation calls (rather than a method group passed on).</summary>
    internal static bool IsCalled(ExpressionSyntax name)
    {
        SyntaxNode target = name;
        if (target.Parent is MemberAccessExpressionSyntax access && access.Name == target) target = access;
        if (target.Parent is MemberBindingExpressionSyntax binding && binding.Name == target) target = binding;
        return target.Parent is InvocationExpressionSyntax call && call.Expression == target;
    }
}
