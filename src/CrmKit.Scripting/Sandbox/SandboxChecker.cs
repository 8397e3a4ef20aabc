using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Checks a script on Roslyn's semantic model: every syntax node of the user's code is visited, the
/// symbols it binds to (types, methods, properties, fields, events, constructors, conversions,
/// method groups) are resolved and checked against the <see cref="AllowList"/>, and every value's
/// type must be allowed too. Works on symbols, not text, so aliases, <c>global::</c>, <c>var</c> and
/// extension-method syntax do not hide anything.
/// </summary>
internal sealed class SandboxChecker
{
    private readonly SemanticModel _model;
    private readonly TextSpan _user;
    private readonly List<(Location Location, string Code, string Message)> _findings = [];
    private readonly HashSet<(int, string)> _seen = [];

    /// <summary>The longest constant string a script may build.</summary>
    private const int MaxConstantLength = 65_536;

    private bool _tooLargeConstant;

    private SandboxChecker(SemanticModel model, TextSpan user)
    {
        _model = model;
        _user = user;
    }

    /// <summary>Every rejection in the user's part of the tree.</summary>
    internal static IReadOnlyList<(Location Location, string Code, string Message)> Check(SemanticModel model, TextSpan user)
    {
        var checker = new SandboxChecker(model, user);
        checker.Run();
        return checker._findings;
    }

    private void Run()
    {
        var root = _model.SyntaxTree.GetRoot();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            if (trivia.IsDirective && _user.Contains(trivia.SpanStart))
                Reject(trivia.GetLocation(), SandboxRule.Directive, "Preprocessor directives (#r, #load, #line, #pragma…) are not allowed in scripts.");
        foreach (var node in root.DescendantNodes(n => !IsNameOf(n)))
        {
            if (!_user.Contains(node.Span)) continue;
            CheckSyntax(node);
            CheckSemantics(node);
        }
        foreach (var (location, message) in RecursionCheck.Find(_model, root, _user))
            Reject(location, SandboxRule.Recursion, message);
    }

    private void CheckSyntax(SyntaxNode node)
    {
        switch (node)
        {
            case AttributeListSyntax:
                Reject(node, SandboxRule.Interop, "Attributes are not allowed in scripts.");
                break;
            case UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax
                or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
                or RefValueExpressionSyntax or RefTypeExpressionSyntax or MakeRefExpressionSyntax:
                Reject(node, SandboxRule.Unsafe, "Unsafe code, pointers and stackalloc are not allowed in scripts.");
                break;
            case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.AddressOfExpression) || p.IsKind(SyntaxKind.PointerIndirectionExpression):
                Reject(node, SandboxRule.Unsafe, "Pointers are not allowed in scripts.");
                break;
            case MemberAccessExpressionSyntax m when m.IsKind(SyntaxKind.PointerMemberAccessExpression):
                Reject(node, SandboxRule.Unsafe, "Pointers are not allowed in scripts.");
                break;
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.ArgListExpression):
                Reject(node, SandboxRule.Unsafe, "__arglist is not allowed in scripts.");
                break;
            case LocalFunctionStatementSyntax f:
                CheckModifiers(f, f.Modifiers);
                break;
            case AnonymousFunctionExpressionSyntax a when a.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                Reject(node, SandboxRule.Async, "async lambdas are not allowed in scripts.");
                break;
            case AnonymousFunctionExpressionSyntax a when a.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                Reject(node, SandboxRule.Unsafe, "Unsafe code is not allowed in scripts.");
                break;
            case AwaitExpressionSyntax:
                Reject(node, SandboxRule.Async, "await is not allowed in scripts.");
                break;
            case GotoStatementSyntax or LabeledStatementSyntax:
                Reject(node, SandboxRule.Goto, "goto and labels are not allowed in scripts; use a loop, which is budgeted.");
                break;
            case TryStatementSyntax:
                Reject(node, SandboxRule.Control, "try/catch/finally is not allowed in scripts: a failing evaluation fails alone and is reported to the host.");
                break;
            case LockStatementSyntax:
                Reject(node, SandboxRule.Control, "lock is not allowed in scripts: scripts run on one thread.");
                break;
            case TypeOfExpressionSyntax:
                Reject(node, SandboxRule.Reflection, "typeof is not allowed in scripts: it leads to reflection.");
                break;
        }
    }

    private void CheckModifiers(SyntaxNode node, SyntaxTokenList modifiers)
    {
        if (modifiers.Any(SyntaxKind.ExternKeyword)) Reject(node, SandboxRule.Interop, "extern functions (platform invoke) are not allowed in scripts.");
        if (modifiers.Any(SyntaxKind.UnsafeKeyword)) Reject(node, SandboxRule.Unsafe, "Unsafe code is not allowed in scripts.");
        if (modifiers.Any(SyntaxKind.AsyncKeyword)) Reject(node, SandboxRule.Async, "async functions are not allowed in scripts.");
    }

    private void CheckSemantics(SyntaxNode node)
    {
        if (node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation && !_tooLargeConstant
            && _model.GetConstantValue(concatenation) is { HasValue: true, Value: string { Length: > MaxConstantLength } })
        {
            // Checked from the smallest up, so the compiler never folds the gigabyte-sized ones.
            _tooLargeConstant = true;
            Reject(node, SandboxRule.Complexity, $"The script is too complex: a constant string longer than {MaxConstantLength:N0} characters.");
        }
        if (node is ExpressionSyntax expression)
        {
            var info = _model.GetSymbolInfo(expression);
            if (info.Symbol is { } symbol) CheckSymbol(expression, symbol);
            var type = _model.GetTypeInfo(expression);
            if (type.Type is { } t) CheckType(expression, t);
            if (type.ConvertedType is { } c) CheckType(expression, c);
            if (_model.GetConversion(expression).MethodSymbol is { } conversion) CheckSymbol(expression, conversion);
            if (info.Symbol is IMethodSymbol method && LazySequence.IsLazyOperator(method)) CheckLazyOperator(expression, method);
            if (IsAssigned(expression) && info.Symbol is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true })
                Reject(expression, SandboxRule.Member, $"Scripts may not change shared state such as '{Display(info.Symbol!)}'.");
        }
        CheckConversion(node);
        switch (node)
        {
            case VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ParameterSyntax or LocalFunctionStatementSyntax
                or ForEachStatementSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax:
                if (_model.GetDeclaredSymbol(node) is { } declared) CheckSymbol(node, declared);
                break;
        }
        if (node is CommonForEachStatementSyntax loop)
        {
            var each = _model.GetForEachStatementInfo(loop);
            // Over an array the compiler writes an index loop; Array.GetEnumerator is never called.
            if (each.GetEnumeratorMethod is { } m && _model.GetTypeInfo(loop.Expression).Type is not IArrayTypeSymbol) CheckSymbol(loop.Expression, m);
            if (each.ElementType is { } e) CheckType(loop.Expression, e);
        }
        if (node is QueryClauseSyntax clause)
        {
            var query = _model.GetQueryClauseInfo(clause);
            if (query.OperationInfo.Symbol is { } op) CheckSymbol(node, op);
            if (query.CastInfo.Symbol is { } cast) CheckSymbol(node, cast);
        }
        if (node is SelectOrGroupClauseSyntax or OrderingSyntax && _model.GetSymbolInfo(node).Symbol is { } clauseMethod)
            CheckSymbol(node, clauseMethod);
    }

    /// <summary>
    /// Casts, <c>as</c> and type tests that would turn a read-only collection the script was given
    /// (the customer's tags, a parameter's list) into a mutable one are refused: through them a
    /// script could change the host's data.
    /// </summary>
    private void CheckConversion(SyntaxNode node)
    {
        var (operand, target) = node switch
        {
            CastExpressionSyntax c => (c.Expression, _model.GetTypeInfo(c.Type).Type),
            BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AsExpression) || b.IsKind(SyntaxKind.IsExpression) => (b.Left, _model.GetTypeInfo(b.Right).Type),
            DeclarationPatternSyntax d => (null, _model.GetTypeInfo(d.Type).Type),
            TypePatternSyntax t => (null, _model.GetTypeInfo(t.Type).Type),
            RecursivePatternSyntax { Type: { } type } => (null, _model.GetTypeInfo(type).Type),
            _ => ((ExpressionSyntax?)null, (ITypeSymbol?)null),
        };
        if (target is null || !Mutable.IsCollection(target)) return;
        if (operand is not null && _model.GetTypeInfo(operand).Type is { } source && _model.Compilation.ClassifyConversion(source, target).IsImplicit) return;
        Reject(node, SandboxRule.Mutation, Mutable.Why(target));
    }

    /// <summary>
    /// Every lazy LINQ sequence a script makes is metered (see <c>ScriptGuard.Metered</c>); a lazy
    /// operator used as a method group, or called after <c>?.</c>, would make sequences that are not.
    /// </summary>
    private void CheckLazyOperator(ExpressionSyntax expression, IMethodSymbol method)
    {
        if (expression is InvocationExpressionSyntax call)
        {
            if (LazySequence.AfterConditionalAccess(call))
                Reject(expression, SandboxRule.LazyOperator,
                    $"'{method.Name}' may not be called after '?.' in scripts: test for null first (for example 'x is null ? null : x.{method.Name}(…)').");
        }
        else if (expression is SimpleNameSyntax or MemberAccessExpressionSyntax && !LazySequence.IsCalled(expression))
        {
            Reject(expression, SandboxRule.LazyOperator,
                $"'{method.Name}' may not be used as a method group in scripts: call it inside a lambda instead (for example 's => s.{method.Name}(…)').");
        }
    }

    private void CheckSymbol(SyntaxNode node, ISymbol symbol)
    {
        switch (symbol)
        {
            case ITypeSymbol type:
                CheckType(node, type);
                return;
            case IMethodSymbol method:
                CheckMethod(node, method);
                return;
            case IPropertySymbol property:
                CheckMember(node, property);
                CheckType(node, property.Type);
                return;
            case IFieldSymbol field:
                if (field.ContainingType is { IsTupleType: true }) return;
                CheckMember(node, field);
                CheckType(node, field.Type);
                return;
            case IEventSymbol:
                Reject(node, SandboxRule.Member, "Events are not allowed in scripts.");
                return;
            case ILocalSymbol local:
                CheckType(node, local.Type);
                return;
            case IParameterSymbol parameter:
                CheckType(node, parameter.Type);
                return;
            case IRangeVariableSymbol:
            case INamespaceSymbol:
            case IDiscardSymbol:
                return;
            case ILabelSymbol:
                Reject(node, SandboxRule.Goto, "Labels are not allowed in scripts.");
                return;
        }
    }

    private void CheckMethod(SyntaxNode node, IMethodSymbol method)
    {
        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
        {
            CheckType(node, method.ReturnType);
            foreach (var p in method.Parameters) CheckType(node, p.Type);
            return;
        }
        var definition = method.ReducedFrom ?? method;
        if (definition.ContainingType is { TypeKind: TypeKind.Delegate } && method.MethodKind is not (MethodKind.DelegateInvoke or MethodKind.Constructor))
        {
            Reject(node, SandboxRule.Reflection, $"'{Display(method)}' is not allowed in scripts: delegates may only be called.");
            return;
        }
        CheckMember(node, definition);
        CheckType(node, method.ReturnType);
        foreach (var argument in method.TypeArguments) CheckType(node, argument);
        if (definition.Name == nameof(GetHashCode))
            Reject(node, SandboxRule.Determinism,
                $"'{Display(method)}' is not allowed in scripts: hash codes (of strings above all) differ from process to process, and a script must give the same answer in every run.");
        if (definition.Name is "Cast" or "OfType" or "Get" or "GetOrDefault" && method.TypeArguments.FirstOrDefault(Mutable.IsCollection) is { } mutable)
            Reject(node, SandboxRule.Mutation, Mutable.Why(mutable));
        if (definition.IsStatic || method.MethodKind == MethodKind.Constructor) CheckRegex(node, definition);
    }

    private void CheckRegex(SyntaxNode node, IMethodSymbol method)
    {
        if (method.ContainingType is not { } type || AllowList.FullName(type) != "System.Text.RegularExpressions.Regex") return;
        if (method.Name is "Escape" or "Unescape") return;
        if (!method.Parameters.Any(p => p.Type is INamedTypeSymbol { SpecialType: SpecialType.None } t && AllowList.FullName(t) == "System.TimeSpan"))
            Reject(node, SandboxRule.RegexTimeout, "Regular expressions in scripts must pass a match timeout (a TimeSpan argument).");
    }

    private void CheckMember(SyntaxNode node, ISymbol member)
    {
        if (member.ContainingType is { } type) CheckType(node, type);
        if (AllowList.WhyNotMember(member) is { } why)
            Reject(node, SandboxRule.Member, $"'{Display(member)}' is not allowed in scripts: {why}.");
    }

    private void CheckType(SyntaxNode node, ITypeSymbol type)
    {
        switch (type)
        {
            case IDynamicTypeSymbol:
                Reject(node, SandboxRule.Dynamic, "dynamic is not allowed in scripts.");
                return;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                Reject(node, SandboxRule.Unsafe, "Pointers are not allowed in scripts.");
                return;
            case IArrayTypeSymbol array:
                CheckType(node, array.ElementType);
                return;
            case IErrorTypeSymbol or ITypeParameterSymbol:
                return;
            case INamedTypeSymbol { IsAnonymousType: true } anonymous:
                foreach (var p in anonymous.GetMembers().OfType<IPropertySymbol>()) CheckType(node, p.Type);
                return;
            case INamedTypeSymbol { IsTupleType: true } tuple:
                foreach (var element in tuple.TupleElements) CheckType(node, element.Type);
                return;
            case INamedTypeSymbol named:
                if (AllowList.WhyNotType(named) is { } why)
                    Reject(node, SandboxRule.Type, $"'{Display(named.OriginalDefinition)}' is not allowed in scripts: {why}.");
                foreach (var argument in named.TypeArguments) CheckType(node, argument);
                return;
        }
    }

    private bool IsNameOf(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } invocation
        && _model.GetSymbolInfo(invocation).Symbol is null;

    private static bool IsAssigned(ExpressionSyntax expression)
    {
        var target = expression;
        while (target.Parent is MemberAccessExpressionSyntax m && m.Name == target) target = m;
        return target.Parent switch
        {
            AssignmentExpressionSyntax a => a.Left == target,
            PrefixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax arg => !arg.RefKindKeyword.IsKind(SyntaxKind.None),
            _ => false,
        };
    }

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private void Reject(SyntaxNode node, string code, string message) => Reject(node.GetLocation(), code, message);

    private void Reject(Location location, string code, string message)
    {
        if (_seen.Add((location.GetLineSpan().StartLinePosition.Line, code + message))) _findings.Add((location, code, message));
    }
}
