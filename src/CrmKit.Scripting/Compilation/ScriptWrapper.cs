using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Wraps the user's code in a generated class whose one method takes the globals as parameters. <c>#line</c> directives map the user's code back to the user's file, so every
/// diagnostic and stack-trace line is a line of that file; the user's text starts at column 1 of its
/// own line, so columns match too.
/// </summary>
internal sealed class ScriptWrapper
{
    internal const string TypeName = "CrmKitScript";
    internal const string MethodName = "Run";
    internal const string BatchMethodName = "RunAll";
    internal const string GuardedField = "Guarded";
    internal const string WrapperPath = "<crmkit-wrapper>";

    private ScriptWrapper(string text, TextSpan userSpan, bool isExpression, int closePosition, bool batch)
    {
        Batch = batch;
        Text = text;
        UserSpan = userSpan;
        IsExpression = isExpression;
        ClosePosition = closePosition;
    }

    /// <summary>The generated C# file.</summary>
    internal string Text { get; }

    /// <summary>Where the user's code sits in <see cref="Text"/>.</summary>
    internal TextSpan UserSpan { get; }

    /// <summary>True when a segment script is a single expression.</summary>
    internal bool IsExpression { get; }

    /// <summary>True when the wrapper has the batch method (segment scripts).</summary>
    private bool Batch { get; }

    /// <summary>Where the wrapper's closing parenthesis (expression) or brace (statements) must be.</summary>
    private int ClosePosition { get; }

    internal static ScriptWrapper Create(string source, ScriptKind kind, string path, bool guarded)
    {
        var isExpression = kind == ScriptKind.Segment && !HasSemicolon(source);
        var b = new StringBuilder(source.Length + 1024);
        b.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\n");
        b.Append("using System.Text.RegularExpressions;\nusing CrmKit;\nusing CrmKit.Scripting;\n");
        // An instance method, called through a delegate closed over one instance: a delegate to a
        // static method goes through a shuffle thunk on every call, which costs a simple predicate
        // about a fifth of its time.
        b.Append("public sealed class ").Append(TypeName).Append("\n{\n");
        b.Append("    public const bool ").Append(GuardedField).Append(" = ").Append(guarded ? "true" : "false").Append(";\n");
        if (kind == ScriptKind.Segment)
        {
            // A segment over a batch of customers in a loop of the script's own, so the JIT can
            // inline the predicate into it; `next` tells the caller which customer a failure was on.
            b.Append("    public void ").Append(BatchMethodName)
                .Append("(CustomerView[] customers, DateTimeOffset now, ScriptParameters parameters, Outcome<bool>[] results, ref int next)\n    {\n")
                .Append("        for (; next < customers.Length; next++) results[next] = Outcome<bool>.Of(").Append(MethodName).Append("(customers[next], now, parameters));\n    }\n");
        }
        b.Append("    public ").Append(kind == ScriptKind.Segment ? "bool" : "void").Append(' ').Append(MethodName);
        b.Append("(CustomerView Customer, DateTimeOffset Now, ScriptParameters Params");
        if (kind == ScriptKind.Care) b.Append(", CareProposals Care");
        b.Append(")\n    {\n");
        if (source.Contains("Param<", StringComparison.Ordinal))
            b.Append("        T Param<T>(string name) => Params.Get<T>(name);\n");
        if (isExpression) b.Append("        return (\n");
        b.Append("#line 1 \"").Append(path.Replace('"', '\'')).Append("\"\n");
        var start = b.Length;
        b.Append(source);
        var userSpan = new TextSpan(start, source.Length);
        b.Append("\n#line default\n");
        var close = b.Length;
        b.Append(isExpression ? ");\n    }\n}\n" : "}\n}\n");
        return new ScriptWrapper(b.ToString(), userSpan, isExpression, close, batch: kind == ScriptKind.Segment);
    }

    /// <summary>
    /// True when the parsed file still has the generated shape: the user's code did not close the
    /// wrapper's method or class to declare members of its own.
    /// </summary>
    internal bool HasExpectedShape(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (root.Members.Count != 1 || root.Members[0] is not ClassDeclarationSyntax type) return false;
        if (type.Members.Count != (Batch ? 3 : 2)) return false;
        if (Batch && type.Members[1] is not MethodDeclarationSyntax { Identifier.Text: BatchMethodName }) return false;
        if (type.Members[^1] is not MethodDeclarationSyntax { Body: { } body } method || method.Identifier.Text != MethodName) return false;
        if (!IsExpression) return !body.CloseBraceToken.IsMissing && body.CloseBraceToken.SpanStart == ClosePosition;
        var returns = body.Statements.OfType<ReturnStatementSyntax>().ToList();
        return returns.Count == 1 && returns[0].Expression is ParenthesizedExpressionSyntax p
            && !p.CloseParenToken.IsMissing && p.CloseParenToken.SpanStart == ClosePosition
            && body.CloseBraceToken.SpanStart > ClosePosition;
    }

    private static bool HasSemicolon(string source) =>
        SyntaxFactory.ParseTokens(source).Any(t => t.IsKind(SyntaxKind.SemicolonToken));
}
