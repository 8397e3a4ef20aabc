using System.Globalization;

namespace CrmKit.Loyalty;

/// <summary>
/// Where a ledger entry's points came from or went to: a purchase interaction, a referral, a
/// grant by hand, a custom rule's occasion, a reward, or the expiry of an earlier entry.
/// Immutable; build one with the factory methods.
/// </summary>
public sealed record PointsSource
{
    private PointsSource(PointsSourceKind kind, string reference)
    {
        Kind = kind;
        Reference = reference;
    }

    /// <summary>What kind of source it is.</summary>
    public PointsSourceKind Kind { get; }

    /// <summary>The source's reference as text: an interaction id, a customer code, a reason, a key, a reward or a sequence number.</summary>
    public string Reference { get; }

    /// <summary>A recorded purchase interaction.</summary>
    /// <exception cref="CrmValidationException">The id is not positive (the interaction was not recorded yet).</exception>
    public static PointsSource Purchase(long interactionId) =>
        interactionId > 0
            ? new(PointsSourceKind.Purchase, interactionId.ToString(CultureInfo.InvariantCulture))
            : throw new CrmValidationException("interactionId", $"{interactionId} is not the id of a recorded interaction.");

    /// <summary>A referral of <paramref name="referred"/> that converted.</summary>
    /// <exception cref="CrmValidationException">The code is empty.</exception>
    public static PointsSource Referral(CustomerCode referred) =>
        referred == default ? throw new CrmValidationException("referred", "is required but was empty.") : new(PointsSourceKind.Referral, referred.Value);

    /// <summary>A grant or correction by hand, with its reason.</summary>
    /// <exception cref="CrmValidationException">The reason is empty or longer than 200 characters.</exception>
    public static PointsSource Manual(string reason) => new(PointsSourceKind.Manual, Require.Name(reason, "reason"));

    /// <summary>A custom earn rule's occasion, unique per award (for example <c>birthday-2026</c>).</summary>
    /// <exception cref="CrmValidationException">The key is empty or longer than 200 characters.</exception>
    public static PointsSource Occasion(string key) => new(PointsSourceKind.Occasion, Require.Name(key, "key"));

    /// <summary>The reward points were spent on.</summary>
    /// <exception cref="CrmValidationException">The reward is empty or longer than 200 characters.</exception>
    public static PointsSource Redemption(string reward) => new(PointsSourceKind.Redemption, Require.Name(reward, "reward"));

    /// <summary>The expiry of the points earned by entry number <paramref name="lot"/>.</summary>
    /// <exception cref="CrmValidationException">The sequence number is not positive.</exception>
    public static PointsSource Expiry(long lot) =>
        lot > 0
            ? new(PointsSourceKind.Expiry, lot.ToString(CultureInfo.InvariantCulture))
            : throw new CrmValidationException("lot", $"{lot} is not a ledger sequence number.");

    /// <summary>
    /// The source of <paramref name="kind"/> with <paramref name="reference"/>, as <see cref="Reference"/>
    /// gives it: how a store reads back a source it kept as its kind and reference.
    /// </summary>
    /// <exception cref="CrmValidationException">The kind is unknown or the reference does not fit it.</exception>
    public static PointsSource From(PointsSourceKind kind, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return kind switch
        {
            PointsSourceKind.Purchase => Purchase(Number(reference)),
            PointsSourceKind.Referral => Referral(new CustomerCode(reference)),
            PointsSourceKind.Manual => Manual(reference),
            PointsSourceKind.Occasion => Occasion(reference),
            PointsSourceKind.Redemption => Redemption(reference),
            PointsSourceKind.Expiry => Expiry(Number(reference)),
            _ => throw new CrmValidationException("kind", $"{(int)kind} is not a points source kind."),
        };
    }

    private static long Number(string reference) =>
        long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new CrmValidationException("reference", $"'{reference}' is not a number.");

    /// <summary>The sequence number of the expired entry, for an <see cref="PointsSourceKind.Expiry"/> source.</summary>
    internal long Lot => long.Parse(Reference, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Reference}";
}
