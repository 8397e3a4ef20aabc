using CrmKit.Loyalty;

namespace CrmKit;

/// <summary>The stored settings as <see cref="CrmOptions"/> give them: each null where the options leave it unset.</summary>
internal readonly record struct GivenConfiguration(
    AttributeSchema? Attributes,
    StageModel? Stages,
    IReadOnlySet<InteractionKind>? PurchaseKinds,
    IReadOnlySet<InteractionKind>? RefundKinds,
    ContactPolicy? ContactPolicy,
    RoutingPolicy? Routing,
    StageRuleSettings? StageRules = null,
    LoyaltyProgram? Loyalty = null,
    CaseDeadlinePolicy? CasePolicy = null);
