using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmKit.Scripting;

/// <summary>
/// Checks, on the parsed script and before anything is bound, how deeply lambdas passed as method
/// arguments nest inside one another. The compiler binds a lambda argument once for every
/// overload it might go to, and binds the lambdas inside it again for each of those, so the work
/// grows with the number of overloads to the power of the nesting: five levels of <c>Sum</c> (ten
/// overloads each) already take seconds, seven take minutes. A script is rarely more than two
/// deep; past <see cref="MaxNesting"/> it is rejected at once with a diagnostic on the lambda.
/// </summary>
/// <remarks>
/// Wider overload sets can still cost a lot at a smaller depth; the compiling worker's time limit
/// ends those (CRM0014 as well). This check only makes the common case immediate and exact.
/// </remarks>
internal static class LambdaNesting
{
    /// <summary>The deepest nesting of lambdas passed as arguments that is accepted.</summary>
    internal const int MaxNesting = 4;

    /// <summary>The lambda that nests too deeply, or null when none does.</summary>
    internal static Location? TooDeep(SyntaxNode root)
    {
        foreach (var lambda in root.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (!IsArgument(lambda)) continue;
            var depth = 1;
            foreach (var outer in lambda.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
                if (IsArgument(outer) && ++depth > MaxNesting) return lambda.GetLocation();
        }
        return null;
    }

    private static bool IsArgument(AnonymousFunctionExpressionSyntax lambda) => lambda.Parent is ArgumentSyntax;
}
