using Microsoft.CodeAnalysis;

namespace CrmKit.Scripting;

/// <summary>Which types are mutable collections, for the sandbox's rule against casting read-only data to them.</summary>
internal static class Mutable
{
    private static readonly string[] Interfaces =
        ["System.Collections.Generic.ICollection`1", "System.Collections.IList", "System.Collections.IDictionary"];

    /// <summary>True for arrays, <see cref="Array"/> and every type that is or implements a mutable collection interface.</summary>
    internal static bool IsCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol) return true;
        if (type is not INamedTypeSymbol named) return false;
        if (AllowList.FullName(named) is "System.Array") return true;
        return Interfaces.Contains(AllowList.FullName(named)) || named.AllInterfaces.Any(i => Interfaces.Contains(AllowList.FullName(i)));
    }

    internal static string Why(ITypeSymbol type) =>
        $"Scripts may not cast or test read-only data as '{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}', a mutable collection: "
        + "the customer and the parameters are read-only. Copy it first (for example with ToList() or ToArray()).";
}
