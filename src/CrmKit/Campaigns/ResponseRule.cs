namespace CrmKit;

/// <summary>
/// What counts as a customer's response to a campaign: an interaction of one of <see cref="Kinds"/>,
/// the campaign's care task closed with <see cref="AcceptedOutcome"/>, or a purchase
/// (<see cref="CountsPurchase"/>). Any one of them is a response; at least one must be set.
/// Revenue is the sum of the amounts of interactions of <see cref="RevenueKinds"/> in the
/// attribution window, whether or not they are responses. Immutable.
/// </summary>
public sealed record ResponseRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="kinds">Interaction kinds that count as a response, such as <c>campaign-response</c>.</param>
    /// <param name="acceptedOutcome">The task outcome that means the offer was accepted, such as <c>accepted</c>; null if none counts.</param>
    /// <param name="countsPurchase">True when a purchase in the window counts as a response.</param>
    /// <param name="revenueKinds">The interaction kinds whose amounts make up revenue; null means <c>purchase</c> and <c>refund</c>.</param>
    /// <exception cref="CrmValidationException">No way of responding is given, or a value is malformed.</exception>
    public ResponseRule(IEnumerable<InteractionKind>? kinds, string? acceptedOutcome = null, bool countsPurchase = false, IEnumerable<InteractionKind>? revenueKinds = null)
    {
        Kinds = Distinct(kinds ?? [], "response.kinds");
        AcceptedOutcome = Require.OptionalName(acceptedOutcome, "response.acceptedOutcome");
        CountsPurchase = countsPurchase;
        RevenueKinds = Distinct(revenueKinds ?? [InteractionKind.Purchase, InteractionKind.Refund], "response.revenueKinds");
        if (Kinds.Count == 0 && AcceptedOutcome is null && !countsPurchase)
            throw new CrmValidationException("response", "names no interaction kind, no accepted outcome and no purchase; nothing could count as a response.");
    }

    /// <summary>Interaction kinds that count as a response.</summary>
    public IReadOnlyList<InteractionKind> Kinds { get; }

    /// <summary>The task outcome meaning the offer was accepted; null when task outcomes do not count.</summary>
    public string? AcceptedOutcome { get; }

    /// <summary>True when a purchase counts as a response.</summary>
    public bool CountsPurchase { get; }

    /// <summary>The kinds whose amounts are summed as revenue (refunds are negative).</summary>
    public IReadOnlyList<InteractionKind> RevenueKinds { get; }

    /// <summary>A response is an interaction of one of <paramref name="kinds"/>.</summary>
    public static ResponseRule OfKinds(params InteractionKind[] kinds) => new(kinds);

    /// <summary>A response is the campaign's task closed with <paramref name="outcome"/>.</summary>
    public static ResponseRule OfAcceptedOutcome(string outcome) => new(null, outcome);

    /// <summary>A response is a purchase.</summary>
    public static ResponseRule OfPurchase() => new(null, countsPurchase: true);

    private static InteractionKind[] Distinct(IEnumerable<InteractionKind> kinds, string field)
    {
        var list = kinds.ToArray();
        if (list.Any(k => k == default)) throw new CrmValidationException(field, "contain an empty kind.");
        return list.Distinct().ToArray();
    }

    /// <summary>Equal when the same kinds, outcome and purchase flag are set.</summary>
    public bool Equals(ResponseRule? other) =>
        other is not null && Kinds.SequenceEqual(other.Kinds) && AcceptedOutcome == other.AcceptedOutcome
        && CountsPurchase == other.CountsPurchase && RevenueKinds.SequenceEqual(other.RevenueKinds);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kinds.Count, AcceptedOutcome, CountsPurchase);
}
