using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// The names a script's text gives to the customer view's lookups by name: the segments it asks
/// about (<c>Customer.InSegment("vip")</c>) and the interaction kinds whose metadata it reads
/// (<c>Customer.Last("survey", "nps")</c>). Read from the syntax alone, so the host can tell, without
/// the compiler, which segments a scripted segment depends on and which interactions to load.
/// </summary>
/// <remarks>
/// Every call of a method named <c>InSegment</c> counts, whatever it is called on: over-counting a
/// dependency is safe, missing one is not. A name that is not a string literal (a variable, a
/// method group) makes the set unknown (<see cref="AnySegment"/>, <see cref="AnyKind"/>).
/// </remarks>
internal sealed record ScriptNames(IReadOnlySet<string> Segments, bool AnySegment, IReadOnlySet<InteractionKind> MetadataKinds, bool AnyKind)
{
    private static readonly string[] MetadataMethods = ["Last", "LastNumber", "Count", "Sum"];

    internal static ScriptNames Of(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var segments = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<InteractionKind>();
        var anySegment = false;
        var anyKind = false;
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var text = name.Identifier.ValueText;
            if (text == "InSegment")
            {
                if (Literal(name) is { } segment) segments.Add(segment);
                else anySegment = true;
            }
            else if (MetadataMethods.Contains(text) && OnCustomer(name))
            {
                if (Literal(name) is { } kind && IsKind(kind)) kinds.Add(new InteractionKind(kind));
                else anyKind = true;
            }
        }
        return new ScriptNames(segments, anySegment, kinds, anyKind);
    }

    /// <summary>The string literal passed first to the method <paramref name="name"/> names, or null when it is not called with one.</summary>
    private static string? Literal(SimpleNameSyntax name)
    {
        SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : name;
        return callee.Parent is InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal, NameColon: null }, ..] } call
            && call.Expression == callee && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;
    }

    /// <summary>True when <paramref name="name"/> is a member of the <c>Customer</c> global (<c>Customer.Last</c>, <c>Customer?.Last</c>).</summary>
    private static bool OnCustomer(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Customer" },
        MemberBindingExpressionSyntax binding => binding.Parent?.Parent is ConditionalAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Customer" } },
        _ => false,
    };

    private static bool IsKind(string text)
    {
        try
        {
            _ = new InteractionKind(text);
            return true;
        }
        catch (CrmValidationException)
        {
            return false;
        }
    }
}
