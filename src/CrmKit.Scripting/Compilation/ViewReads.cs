using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrmKit.Scripting;

/// <summary>
/// Finds which parts of the customer view an accepted script can read, from the members of
/// <see cref="CustomerView"/> it names, so a worker is sent only those (see <see cref="ViewParts"/>).
/// </summary>
/// <remarks>
/// The sandbox leaves a script no way to the view's data except its members: no reflection, no
/// dynamic, no casts to other types. Whenever the answer is not certain, it is
/// <see cref="ViewParts.All"/>: a member this table does not know, a member named through a
/// symbol the compiler could not pin down, or the view itself handed to anything other than a
/// member access (assigned, passed to a method, captured as a value).
/// </remarks>
internal static class ViewReads
{
    private static readonly Dictionary<string, ViewParts> ByMember = new(StringComparer.Ordinal)
    {
        ["Tags"] = ViewParts.Tags,
        ["HasTag"] = ViewParts.Tags,
        ["Has"] = ViewParts.Attributes,
        ["Text"] = ViewParts.Attributes,
        ["Integer"] = ViewParts.Attributes,
        ["Decimal"] = ViewParts.Attributes,
        ["Boolean"] = ViewParts.Attributes,
        ["Date"] = ViewParts.Attributes,
        ["Instant"] = ViewParts.Attributes,
        ["TextList"] = ViewParts.Attributes,
        ["ContactPoints"] = ViewParts.ContactPoints,
        ["Contact"] = ViewParts.ContactPoints,
        ["CanContact"] = ViewParts.Consents,
        ["ProbabilityAlive"] = ViewParts.Value,
        ["ExpectedPurchases"] = ViewParts.Value,
        ["ExpectedSpend"] = ViewParts.Value,
        ["LifetimeValue"] = ViewParts.Value,
        ["ValueTier"] = ViewParts.Value,
        ["ValueQuadrant"] = ViewParts.Value,
        ["Rfm"] = ViewParts.Value,
        ["Last"] = ViewParts.Metadata,
        ["LastNumber"] = ViewParts.Metadata,
        ["Count"] = ViewParts.Metadata,
        ["Sum"] = ViewParts.Metadata,
        ["InSegment"] = ViewParts.Segments,
        ["OpenTasks"] = ViewParts.FollowUp,
        ["OpenTasksOf"] = ViewParts.FollowUp,
        ["GradeReviewedAt"] = ViewParts.FollowUp,
        ["GradeAge"] = ViewParts.FollowUp,
        // Always sent: the profile, the lifecycle and the stats.
        ["Code"] = ViewParts.None,
        ["Name"] = ViewParts.None,
        ["Grade"] = ViewParts.None,
        ["Owner"] = ViewParts.None,
        ["GroupId"] = ViewParts.None,
        ["InHousehold"] = ViewParts.None,
        ["InCompany"] = ViewParts.None,
        ["Stage"] = ViewParts.None,
        ["StageSince"] = ViewParts.None,
        ["Birthday"] = ViewParts.None,
        ["NextBirthday"] = ViewParts.None,
        ["TimeZone"] = ViewParts.None,
        ["LocalTime"] = ViewParts.None,
        ["CreatedAt"] = ViewParts.None,
        ["Stats"] = ViewParts.None,
        ["Recency"] = ViewParts.None,
        ["Frequency"] = ViewParts.None,
        ["MonetaryTotal"] = ViewParts.None,
        ["AverageSpend"] = ViewParts.None,
        ["CountOfKind"] = ViewParts.None,
        ["LastOfKind"] = ViewParts.None,
        ["CountOnChannel"] = ViewParts.None,
        ["ToString"] = ViewParts.None,
    };

    /// <summary>The parts the user's code in <paramref name="user"/> can read.</summary>
    internal static ViewParts Of(SemanticModel model, TextSpan user)
    {
        var parts = ViewParts.None;
        foreach (var name in model.SyntaxTree.GetRoot().DescendantNodes(user).OfType<SimpleNameSyntax>())
        {
            if (!user.Contains(name.Span)) continue;
            var info = model.GetSymbolInfo(name);
            foreach (var symbol in info.Symbol is { } s ? [s] : info.CandidateSymbols)
            {
                if (symbol.ContainingType is not { } type || !IsViewType(type)) continue;
                if (!ByMember.TryGetValue(symbol.Name, out var part)) return ViewParts.All;
                parts |= part;
            }
            // The view as a value (not the receiver of one of its members) could reach anything.
            if (model.GetTypeInfo(name).Type is { } t && IsViewType(t) && !IsReceiver(name)) return ViewParts.All;
        }
        return parts;
    }

    private static bool IsViewType(ITypeSymbol type) => type is INamedTypeSymbol named && AllowList.FullName(named) == "CrmKit.Scripting.CustomerView";

    /// <summary>True when <paramref name="name"/> is the object of a member access (<c>Customer.Tags</c>, <c>Customer?.Tags</c>).</summary>
    private static bool IsReceiver(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == name,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression == name,
        _ => false,
    };
}
