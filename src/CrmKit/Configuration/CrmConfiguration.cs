using CrmKit.Loyalty;

namespace CrmKit;

/// <summary>
/// What a database stores about itself so that every program opens it alike: the attribute schema,
/// the stage model, the purchase and refund kinds, the contact policy, the routing (teams and assignment rules), the case deadline policy, the built-in stage rules and
/// a loyalty programme made of built-in earn rules.
/// </summary>
/// <remarks>
/// <see cref="Reconcile"/> holds the rule for options that differ from what is stored. A setting left
/// unset takes the stored value. Additions that no stored data contradicts are taken and stored: new
/// attributes, new stages and transitions, and a new contact policy, routing, case deadline policy, stage-rule settings or loyalty
/// programme (they govern only sweeps, assignments, deadlines and earnings to come; a programme with earn rules of the
/// application's own cannot be stored and applies to that open only).
/// Changes that stored data depends on are refused: an attribute's type (stored values have the old
/// one), the initial stage or a stage or transition that is left out (customers may be in it, history
/// follows it), and the purchase or refund kinds (the stored stats were computed with them).
/// </remarks>
internal sealed record CrmConfiguration(
    AttributeSchema Attributes,
    StageModel Stages,
    IReadOnlySet<InteractionKind> PurchaseKinds,
    IReadOnlySet<InteractionKind> RefundKinds,
    ContactPolicy ContactPolicy,
    StageRuleSettings StageRules,
    LoyaltyProgram? Loyalty)
{
    /// <summary>Teams and assignment rules; like the contact policy, a given one replaces the stored one.</summary>
    internal RoutingPolicy Routing { get; init; } = RoutingPolicy.None;

    /// <summary>Case deadlines and escalations; like the routing, a given one replaces the stored one.</summary>
    internal CaseDeadlinePolicy CasePolicy { get; init; } = CaseBook.DefaultPolicy;

    /// <summary>The configuration a new database gets from <paramref name="options"/>: the given settings, the defaults for the rest.</summary>
    internal static CrmConfiguration From(CrmOptions options) =>
        new(options.Attributes, options.Stages, options.PurchaseKinds, options.RefundKinds, options.ContactPolicy, options.StageRules,
            options.Loyalty is { } program && RuleSettingsJson.CanStore(program) ? program : null) { Routing = options.Routing, CasePolicy = options.CasePolicy };

    /// <summary>The options with this configuration in force.</summary>
    internal CrmOptions ApplyTo(CrmOptions options) => options with
    {
        Attributes = Attributes,
        Stages = Stages,
        PurchaseKinds = PurchaseKinds,
        RefundKinds = RefundKinds,
        ContactPolicy = ContactPolicy,
        Routing = Routing,
        CasePolicy = CasePolicy,
        StageRules = StageRules,
        // A programme with rules of the application's own is never stored: it applies as given.
        Loyalty = options.Given.Loyalty is { } given && !RuleSettingsJson.CanStore(given) ? given : Loyalty,
    };

    /// <summary>
    /// The configuration to open with: <paramref name="stored"/> with the additions of
    /// <paramref name="options"/>, or <paramref name="options"/>' own when nothing is stored yet (a new
    /// database, or one written before configurations were stored).
    /// </summary>
    /// <param name="stored">The stored configuration; null when nothing is stored yet.</param>
    /// <param name="options">The options the database is opened with.</param>
    /// <param name="changed">True when the result differs from what is stored and must be stored.</param>
    /// <exception cref="CrmConfigurationException">A given setting contradicts the stored one; the field names it.</exception>
    internal static CrmConfiguration Reconcile(CrmConfiguration? stored, CrmOptions options, out bool changed)
    {
        if (stored is null)
        {
            changed = true;
            return From(options);
        }
        var given = options.Given;
        var attributes = given.Attributes is { } a ? Merge(stored.Attributes, a) : stored.Attributes;
        var stages = given.Stages is { } s ? Merge(stored.Stages, s) : stored.Stages;
        if (given.PurchaseKinds is { } p) SameKinds("purchaseKinds", stored.PurchaseKinds, p);
        if (given.RefundKinds is { } r) SameKinds("refundKinds", stored.RefundKinds, r);
        var policy = given.ContactPolicy ?? stored.ContactPolicy;
        var routing = given.Routing ?? stored.Routing;
        var cases = given.CasePolicy ?? stored.CasePolicy;
        var stageRules = given.StageRules ?? stored.StageRules;
        var loyalty = given.Loyalty is { } program && RuleSettingsJson.CanStore(program) ? program : stored.Loyalty;
        var result = stored with { Attributes = attributes, Stages = stages, ContactPolicy = policy, Routing = routing, CasePolicy = cases, StageRules = stageRules, Loyalty = loyalty };
        changed = !ReferenceEquals(attributes, stored.Attributes) || !ReferenceEquals(stages, stored.Stages) || policy != stored.ContactPolicy || routing != stored.Routing
            || stageRules != stored.StageRules || CasePolicyDocument.Text(cases) != CasePolicyDocument.Text(stored.CasePolicy) || RuleSettingsJson.Text(loyalty) != RuleSettingsJson.Text(stored.Loyalty);
        return result;
    }

    private static AttributeSchema Merge(AttributeSchema stored, AttributeSchema given)
    {
        var merged = stored;
        foreach (var (name, type) in given.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!stored.Attributes.TryGetValue(name, out var storedType)) merged = merged.Define(name, type);
            else if (storedType != type)
                throw new CrmConfigurationException($"attributes.{name}", storedType.ToString(), type.ToString(),
                    "stored customers carry values of the stored type. Give the stored type, or leave the attribute out.");
        }
        return merged;
    }

    private static StageModel Merge(StageModel stored, StageModel given)
    {
        if (given.Initial != stored.Initial)
            throw new CrmConfigurationException("stages.initial", $"'{stored.Initial}'", $"'{given.Initial}'",
                "customers were created in the stored initial stage. Keep it as the initial stage.");
        foreach (var stage in stored.Stages)
            if (!given.Contains(stage))
                throw new CrmConfigurationException("stages", $"stage '{stage}'", "a model without it",
                    "customers may be in it. Keep every stored stage; stages may only be added.");
        foreach (var stage in stored.Stages)
        {
            foreach (var to in stored.AllowedFrom(stage))
                if (!given.Allows(stage, to))
                    throw new CrmConfigurationException("stages.transitions", $"'{stage}' → '{to}'", "a model without it",
                        "stage history may follow it. Keep every stored transition; transitions may only be added.");
        }
        var added = given.Stages.Any(g => !stored.Contains(g))
            || given.Stages.Any(from => given.AllowedFrom(from).Any(to => !stored.Allows(from, to)));
        if (!added) return stored;
        // The stored transitions first, then the added ones, so the stored order of stages is kept.
        var transitions = stored.Stages.SelectMany(from => stored.AllowedFrom(from).Select(to => (from, to)))
            .Concat(given.Stages.SelectMany(from => given.AllowedFrom(from).Where(to => !stored.Allows(from, to)).Select(to => (from, to))));
        return StageModel.Create(stored.Initial, transitions);
    }

    private static void SameKinds(string field, IReadOnlySet<InteractionKind> stored, IReadOnlySet<InteractionKind> given)
    {
        if (stored.SetEquals(given)) return;
        throw new CrmConfigurationException(field, Describe(stored), Describe(given),
            "the stored stats were computed with the stored kinds. Give the stored kinds, or leave the setting out.");
    }

    internal static string Describe(IReadOnlySet<InteractionKind> kinds) =>
        kinds.Count == 0 ? "no kinds" : string.Join(", ", kinds.Select(k => $"'{k.Name}'").Order(StringComparer.Ordinal));
}
