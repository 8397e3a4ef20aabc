namespace CrmKit.Loyalty;

/// <summary>
/// What an earn rule sees: one recorded interaction, whether it counts as a purchase (see
/// <see cref="CrmOptions.PurchaseKinds"/>), and the referral that brought its customer in, if any.
/// Immutable.
/// </summary>
/// <param name="Interaction">The interaction, as recorded (with its id).</param>
/// <param name="IsPurchase">True when the interaction's kind is a purchase kind.</param>
/// <param name="ReferredBy">The referral of the interaction's customer, or null when nobody referred them.</param>
/// <exception cref="ArgumentNullException">The interaction is null.</exception>
/// <exception cref="CrmValidationException">The referral is of another customer.</exception>
public sealed record EarnContext(Interaction Interaction, bool IsPurchase, Referral? ReferredBy = null)
{
    /// <summary>The interaction, as recorded (with its id).</summary>
    public Interaction Interaction { get; } = Interaction ?? throw new ArgumentNullException(nameof(Interaction));

    /// <summary>The referral of the interaction's customer, or null when nobody referred them.</summary>
    public Referral? ReferredBy { get; } =
        ReferredBy is null || Interaction is null || ReferredBy.Referred == Interaction.Customer
            ? ReferredBy
            : throw new CrmValidationException("referredBy", $"refers '{ReferredBy.Referred}', but the interaction is of '{Interaction.Customer}'.");
}
