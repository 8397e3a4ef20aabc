using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// Finds the arguments that size an allocation made in one call: a constructor's or a padding,
/// appending or resizing method's <c>count</c>, <c>capacity</c>, <c>totalWidth</c>… and an array
/// creation's lengths. The budget rewriter routes each through <c>ScriptGuard.Sized</c>, so
/// <c>"x".PadLeft(1_000_000_000)</c> stops before two gigabytes are allocated instead of passing
/// between two budget checks.
/// </summary>
internal static class SizedArguments
{
    private static readonly HashSet<string> SizeParameters = ["count", "totalWidth", "capacity", "repeatCount", "newSize", "length"];

    private static readonly HashSet<string> SizingMethods = ["PadLeft", "PadRight", "EnsureCapacity", "Resize", "Append", "Insert"];

    /// <summary>The positions of <paramref name="arguments"/> that size an allocation, with at least how many bytes each element takes.</summary>
    internal static IEnumerable<(int Index, int Bytes)> Of(SemanticModel model, SyntaxNode call, ArgumentListSyntax? arguments)
    {
        if (arguments is null || model.GetSymbolInfo(call).Symbol is not IMethodSymbol method) yield break;
        if (method.MethodKind != MethodKind.Constructor && !SizingMethods.Contains(method.Name)) yield break;
        var bytes = BytesPerElement(method);
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            if (argument.RefKindKeyword.RawKind != 0) continue;
            var parameter = argument.NameColon is { } name
                ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
                : i < method.Parameters.Length && !method.Parameters[i].IsParams ? method.Parameters[i] : null;
            if (parameter is { Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } && SizeParameters.Contains(parameter.Name))
                yield return (i, bytes);
        }
    }

    /// <summary>The positions of <paramref name="arguments"/> that give a <c>Regex</c> its match timeout.</summary>
    internal static IEnumerable<int> RegexTimeouts(SemanticModel model, SyntaxNode call, ArgumentListSyntax? arguments)
    {
        if (arguments is null || model.GetSymbolInfo(call).Symbol is not IMethodSymbol method) yield break;
        if (method.ContainingType is not { Name: "Regex" } type || AllowList.FullName(type) != "System.Text.RegularExpressions.Regex") yield break;
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            var parameter = argument.NameColon is { } name
                ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
                : i < method.Parameters.Length ? method.Parameters[i] : null;
            if (parameter is { Type: INamedTypeSymbol t } && AllowList.FullName(t) == "System.TimeSpan") yield return i;
        }
    }

    /// <summary>At least how many bytes one element of an array of <paramref name="element"/> takes.</summary>
    internal static int ElementSize(ITypeSymbol? element) => element?.SpecialType switch
    {
        SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte => 1,
        SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        SpecialType.System_Decimal => 16,
        _ => 8,
    };

    private static int BytesPerElement(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type.SpecialType == SpecialType.System_String || type.Name == "StringBuilder") return 2;
        if (method.TypeArguments.Length == 1) return ElementSize(method.TypeArguments[0]);
        return type.TypeArguments.Length == 1 ? ElementSize(type.TypeArguments[0]) : 8;
    }
}
