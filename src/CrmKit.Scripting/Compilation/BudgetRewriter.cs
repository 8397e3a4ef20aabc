using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CrmKit.Scripting;

/// <summary>
/// Inserts budget checks into an accepted script: <c>ScriptGuard.Loop()</c> at the start of every
/// loop body, and at the start of every lambda and local function the cheapest check the sandbox
/// can prove enough (see <see cref="LambdaCheck"/>). Inserted code carries no line breaks, so every
/// line of the user's code keeps its number. A script that ends up with no check at all runs
/// without starting a budget.
/// </summary>
internal sealed class BudgetRewriter : CSharpSyntaxRewriter
{
    private readonly SemanticModel _model;
    private readonly TextSpan _user;
    private readonly string? _path;
    private readonly List<string> _loops = [];

    private BudgetRewriter(SemanticModel model, TextSpan user, string? path)
    {
        _model = model;
        _user = user;
        _path = path;
    }

    /// <summary>True when at least one check was inserted.</summary>
    private bool Inserted { get; set; }

    /// <summary>
    /// Returns the rewritten root and whether any check was inserted. With <paramref name="inlinePath"/>
    /// (the user's file as the <c>#line</c> directives name it), qualifying LINQ tests over the
    /// customer's data also become plain loops (see <see cref="LoopInliner"/>).
    /// </summary>
    internal static (SyntaxNode Root, bool Guarded) Rewrite(SemanticModel model, TextSpan user, string? inlinePath = null)
    {
        var rewriter = new BudgetRewriter(model, user, inlinePath);
        var root = rewriter.Visit(model.SyntaxTree.GetRoot());
        if (rewriter._loops.Count > 0)
        {
            var run = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == ScriptWrapper.MethodName);
            var declarations = rewriter._loops.Select(text => (StatementSyntax)ParseStatement(text));
            root = root.ReplaceNode(run.Body!, run.Body!.AddStatements([.. declarations]));
        }
        if (rewriter.Inserted)
        {
            var flag = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                .First(v => v.Identifier.Text == ScriptWrapper.GuardedField).Initializer!.Value;
            root = root.ReplaceNode(flag, LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(flag));
        }
        return (root, rewriter.Inserted);
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (_path is not null && Mine(node) && LoopInliner.TryInline(_model, node, _loops.Count, _path) is var (name, declaration))
        {
            // The call's leading trivia (a #line directive when the call starts the script) is the
            // list's too; it moves to the new call, so the argument must not repeat it.
            var source = ((ExpressionSyntax)Visit(((MemberAccessExpressionSyntax)node.Expression).Expression)!).WithoutLeadingTrivia();
            _loops.Add(declaration);
            return InvocationExpression(IdentifierName(name), ArgumentList(SingletonSeparatedList(Argument(source)))).WithTriviaFrom(node);
        }
        var visited = (ExpressionSyntax)base.VisitInvocationExpression(node)!;
        if (Mine(node) && visited is InvocationExpressionSyntax call)
            visited = call.WithArgumentList(Sized(node, node.ArgumentList, call.ArgumentList)!);
        if (!Mine(node) || !LazySequence.IsLazyOperatorCall(_model, node) || LazySequence.AfterConditionalAccess(node)) return visited;
        var at = node.Expression is MemberAccessExpressionSyntax access ? access.Name : (SyntaxNode)node;
        return Wrap("Metered", at, visited);
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        return Mine(node) ? visited.WithArgumentList(Sized(node, node.ArgumentList, visited.ArgumentList)) : visited;
    }

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
        return Mine(node) ? visited.WithArgumentList(Sized(node, node.ArgumentList, visited.ArgumentList)!) : visited;
    }

    public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
    {
        var visited = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node)!;
        if (!Mine(node) || visited.Type.RankSpecifiers.Count == 0) return visited;
        var bytes = SizedArguments.ElementSize((_model.GetTypeInfo(node).Type as IArrayTypeSymbol)?.ElementType);
        var rank = visited.Type.RankSpecifiers[0];
        // The sizes of a multi-dimensional array are checked as a product: each after the first
        // is multiplied by the ones before it (sizes are evaluated left to right).
        var sizes = rank.Sizes.Select((size, i) => size is OmittedArraySizeExpressionSyntax ? size
            : i == 0 ? Size(node, size, bytes) : Wrap("SizedBy", node, size, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", "));
        return visited.WithType(visited.Type.WithRankSpecifiers(visited.Type.RankSpecifiers.Replace(rank, rank.WithSizes(SeparatedList(sizes)))));
    }

    /// <summary>The visited argument list with every argument that sizes an allocation checked against the memory budget first.</summary>
    private ArgumentListSyntax? Sized(SyntaxNode original, ArgumentListSyntax? originalArguments, ArgumentListSyntax? visited)
    {
        if (visited is null) return null;
        var arguments = visited.Arguments;
        foreach (var (index, bytes) in SizedArguments.Of(_model, original, originalArguments))
            arguments = arguments.Replace(arguments[index], arguments[index].WithExpression(Size(original, arguments[index].Expression, bytes)));
        foreach (var index in SizedArguments.RegexTimeouts(_model, original, originalArguments))
            arguments = arguments.Replace(arguments[index], arguments[index].WithExpression(Wrap("Bounded", original, arguments[index].Expression)));
        return visited.WithArguments(arguments);
    }

    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        var visited = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
        // A setter that allocates what it is given: StringBuilder.Length, List<T>.Capacity and the like.
        if (!Mine(node) || _model.GetSymbolInfo(node.Left).Symbol is not IPropertySymbol { Name: "Length" or "Capacity" } property
            || property.ContainingType.SpecialType == SpecialType.System_String) return visited;
        var bytes = property.ContainingType.Name == "StringBuilder" ? 2
            : property.ContainingType.TypeArguments.Length == 1 ? SizedArguments.ElementSize(property.ContainingType.TypeArguments[0]) : 8;
        return visited.WithRight(Size(node, visited.Right, bytes));
    }

    /// <summary><c>ScriptGuard.Sized(size, bytes, line)</c>.</summary>
    private ExpressionSyntax Size(SyntaxNode original, ExpressionSyntax size, int bytes) =>
        Wrap("Sized", original, size, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", ");

    public override SyntaxNode? VisitQueryExpression(QueryExpressionSyntax node)
    {
        var visited = (ExpressionSyntax)base.VisitQueryExpression(node)!;
        return Mine(node) && LazySequence.IsLazy(_model.GetTypeInfo(node).Type) ? Wrap("Metered", node, visited) : visited;
    }

    public override SyntaxNode? VisitFromClause(FromClauseSyntax node) =>
        ((FromClauseSyntax)base.VisitFromClause(node)!) is var v ? v.WithExpression(Clause(node.Expression, v.Expression)) : null;

    public override SyntaxNode? VisitLetClause(LetClauseSyntax node) =>
        ((LetClauseSyntax)base.VisitLetClause(node)!) is var v ? v.WithExpression(Clause(node.Expression, v.Expression)) : null;

    public override SyntaxNode? VisitWhereClause(WhereClauseSyntax node) =>
        ((WhereClauseSyntax)base.VisitWhereClause(node)!) is var v ? v.WithCondition(Clause(node.Condition, v.Condition)) : null;

    public override SyntaxNode? VisitOrdering(OrderingSyntax node) =>
        ((OrderingSyntax)base.VisitOrdering(node)!) is var v ? v.WithExpression(Clause(node.Expression, v.Expression)) : null;

    public override SyntaxNode? VisitSelectClause(SelectClauseSyntax node) =>
        ((SelectClauseSyntax)base.VisitSelectClause(node)!) is var v ? v.WithExpression(Clause(node.Expression, v.Expression)) : null;

    public override SyntaxNode? VisitGroupClause(GroupClauseSyntax node) =>
        ((GroupClauseSyntax)base.VisitGroupClause(node)!) is var v
            ? v.WithGroupExpression(Clause(node.GroupExpression, v.GroupExpression)).WithByExpression(Clause(node.ByExpression, v.ByExpression))
            : null;

    public override SyntaxNode? VisitJoinClause(JoinClauseSyntax node) =>
        ((JoinClauseSyntax)base.VisitJoinClause(node)!) is var v
            ? v.WithInExpression(Clause(node.InExpression, v.InExpression))
                .WithLeftExpression(Clause(node.LeftExpression, v.LeftExpression))
                .WithRightExpression(Clause(node.RightExpression, v.RightExpression))
            : null;

    /// <summary>
    /// A query clause's expression with a budget check: the compiler turns the clause into a function
    /// LINQ calls for every element, so <c>ScriptGuard.Ticked</c> counts each call. An expression
    /// without a type of its own (a lambda, <c>null</c>) or of a by-reference-only type is left as written.
    /// </summary>
    private ExpressionSyntax Clause(ExpressionSyntax original, ExpressionSyntax visited)
    {
        if (!Mine(original) || original is AnonymousFunctionExpressionSyntax) return visited;
        if (_model.GetTypeInfo(original).Type is not { } type || type is IErrorTypeSymbol || type.IsRefLikeType
            || type.SpecialType == SpecialType.System_Void || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol) return visited;
        return Wrap("Ticked", original, visited);
    }

    /// <summary><c>ScriptGuard.{method}(expression, [more arguments, ]line)</c>, keeping the expression's surrounding trivia outside.</summary>
    private ExpressionSyntax Wrap(string method, SyntaxNode original, ExpressionSyntax visited, string moreArguments = "")
    {
        Inserted = true;
        var line = original.GetLocation().GetMappedLineSpan().StartLinePosition.Line + 1;
        var call = (InvocationExpressionSyntax)ParseExpression($"global::CrmKit.Scripting.ScriptGuard.{method}(x, {moreArguments}{line})");
        var arguments = call.ArgumentList.Arguments;
        return call.WithArgumentList(call.ArgumentList.WithArguments(arguments.Replace(arguments[0], Argument(visited.WithoutTrivia()))))
            .WithTriviaFrom(visited);
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return Mine(node) ? visited.WithStatement(Loop(node, visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return Mine(node) ? visited.WithStatement(Loop(node, visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return Mine(node) ? visited.WithStatement(Loop(node, visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return Mine(node) ? visited.WithStatement(Loop(node, visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return Mine(node) ? visited.WithStatement(Loop(node, visited.Statement)) : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (!Mine(node)) return visited;
        if (visited.Body is { } body) return visited.WithBody(Enter(node, body));
        var returnsVoid = _model.GetDeclaredSymbol(node) is IMethodSymbol { ReturnsVoid: true };
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(Enter(node, visited.ExpressionBody!.Expression, returnsVoid));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitAnonymousMethodExpression(node)!);

    private SyntaxNode Lambda(AnonymousFunctionExpressionSyntax original, AnonymousFunctionExpressionSyntax visited)
    {
        if (!Mine(original)) return visited;
        var check = LambdaCheck.For(_model, original);
        if (check == LambdaCheck.Kind.None) return visited;
        var method = check == LambdaCheck.Kind.Tick ? "Tick" : "Enter";
        if (visited.Block is { } block) return visited.WithBlock(Guard(method, original, block)).WithExpressionBody(null);
        var returnsVoid = _model.GetSymbolInfo(original).Symbol is IMethodSymbol { ReturnsVoid: true };
        return visited.WithExpressionBody(null).WithBlock(Guard(method, original, visited.ExpressionBody!, returnsVoid));
    }

    private bool Mine(SyntaxNode original) => _user.Contains(original.Span);

    private StatementSyntax Loop(SyntaxNode original, StatementSyntax body)
    {
        Inserted = true;
        return Block(Call("Loop", original), body);
    }

    private BlockSyntax Enter(SyntaxNode original, BlockSyntax body) => Guard("Enter", original, body);

    private BlockSyntax Enter(SyntaxNode original, ExpressionSyntax expression, bool returnsVoid) =>
        Guard("Enter", original, expression, returnsVoid);

    private BlockSyntax Guard(string method, SyntaxNode original, BlockSyntax body)
    {
        Inserted = true;
        return body.WithStatements(body.Statements.Insert(0, Call(method, original)));
    }

    private BlockSyntax Guard(string method, SyntaxNode original, ExpressionSyntax expression, bool returnsVoid)
    {
        Inserted = true;
        StatementSyntax statement = expression switch
        {
            ThrowExpressionSyntax t => ThrowStatement(t.ThrowKeyword, t.Expression, Token(SyntaxKind.SemicolonToken)),
            _ when returnsVoid => ExpressionStatement(expression),
            _ => ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken)),
        };
        return Block(Call(method, original), statement);
    }

    /// <summary>A call to the guard, passing the line of the user's file where the loop or function starts.</summary>
    private static ExpressionStatementSyntax Call(string method, SyntaxNode original)
    {
        var line = original.GetLocation().GetMappedLineSpan().StartLinePosition.Line + 1;
        return ExpressionStatement(ParseExpression($"global::CrmKit.Scripting.ScriptGuard.{method}({line})"));
    }
}
