namespace CrmKit;

/// <summary>
/// One touchpoint with a customer: a purchase, service visit, complaint, inquiry, care contact,
/// campaign response, referral, test drive… Interactions are append-only and are the source of
/// truth for everything computed about a customer.
/// </summary>
public sealed record Interaction
{
    /// <summary>Creates an interaction.</summary>
    /// <param name="customer">Whose interaction it is.</param>
    /// <param name="kind">What kind of touchpoint it was.</param>
    /// <param name="channel">Where it happened.</param>
    /// <param name="occurredAt">When it happened; the offset is kept.</param>
    public Interaction(CustomerCode customer, InteractionKind kind, Channel channel, DateTimeOffset occurredAt)
    {
        Customer = customer;
        Kind = kind;
        Channel = channel;
        OccurredAt = occurredAt;
    }

    /// <summary>The identifier given when the interaction was recorded; 0 before that.</summary>
    public long Id { get; internal init; }

    /// <summary>Whose interaction it is.</summary>
    public CustomerCode Customer { get; init; }

    /// <summary>What kind of touchpoint it was.</summary>
    public InteractionKind Kind { get; init; }

    /// <summary>Where it happened.</summary>
    public Channel Channel { get; init; }

    /// <summary>When it happened, with the offset it was given in.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Money involved, if any. Negative only for a refund kind.</summary>
    public decimal? Amount { get; init; }

    /// <summary>How it ended (for example <c>sold</c>, <c>no-answer</c>, <c>declined</c>), if recorded.</summary>
    public string? Outcome { get; init; }

    /// <summary>Free notes by staff. Removed when the customer's data is erased.</summary>
    public string? Notes { get; init; }

    /// <summary>The member of staff involved, if any.</summary>
    public string? Staff { get; init; }

    /// <summary>Free key/value metadata (for example a campaign id or a satisfaction score). Removed on erasure.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When CrmKit recorded it.</summary>
    public DateTimeOffset RecordedAt { get; internal init; }

    /// <summary>Checks the fields; <paramref name="index"/> locates the interaction within a batch.</summary>
    internal void Check(CrmOptions options, int? index)
    {
        var at = index is null ? "" : $"interactions[{index}].";
        if (Customer == default) throw new CrmValidationException(at + "customer", "is required but was empty.");
        if (Kind == default) throw new CrmValidationException(at + "kind", "is required but was empty.");
        if (Channel == default) throw new CrmValidationException(at + "channel", "is required but was empty.");
        Require.Instant(OccurredAt, at + "occurredAt");
        if (Amount is { } amount)
        {
            Require.Amount(amount, at + "amount");
            var refund = options.RefundKinds.Contains(Kind);
            if (amount < 0 && !refund)
                throw new CrmValidationException(at + "amount", $"{amount} is negative, which only a refund kind ({string.Join(", ", options.RefundKinds)}) may be; the kind is '{Kind}'.");
            if (amount > 0 && refund)
                throw new CrmValidationException(at + "amount", $"{amount} is positive, but a refund ('{Kind}') must carry a negative amount.");
        }
        Require.OptionalName(Outcome, at + "outcome");
        Require.OptionalText(Notes, at + "notes");
        Require.OptionalName(Staff, at + "staff");
        if (Metadata is null) throw new CrmValidationException(at + "metadata", "is null.");
        foreach (var (key, value) in Metadata)
        {
            Require.Name(key, at + "metadata key");
            if (value is null) throw new CrmValidationException($"{at}metadata.{key}", "is null.");
            Require.OptionalText(value, $"{at}metadata.{key}");
        }
    }
}
