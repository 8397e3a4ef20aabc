using CrmKit.Storage;

namespace CrmKit.Loyalty;

/// <summary>
/// Earns points for interactions as they are recorded, in the same write: each recorded
/// interaction is put to the programme's earn rules with the referral that brought its customer
/// in, and the entries the rules award are appended to the beneficiaries' ledgers. A rule that
/// throws fails the write, so an interaction is recorded with all its points or not at all.
/// </summary>
internal static class LoyaltyEarning
{
    /// <summary>The actor points earned by rule are recorded under.</summary>
    internal const string Actor = "loyalty";

    internal static async ValueTask CreditAsync(CrmContext context, IStoreSession store, LoyaltyProgram program, IReadOnlyList<Interaction> recorded,
        DateTimeOffset now, CancellationToken ct)
    {
        var ledgers = new Ledgers(store, program.Expiry, context.Store.Location);
        var referrals = new Dictionary<CustomerCode, Referral?>();
        var locked = new HashSet<CustomerCode>(recorded.Select(i => i.Customer));
        foreach (var interaction in recorded)
        {
            if (!referrals.TryGetValue(interaction.Customer, out var referral))
                referrals[interaction.Customer] = referral = await store.Loyalty.ReferralOfAsync(interaction.Customer, ct).ConfigureAwait(false);
            var earn = new EarnContext(interaction, context.Options.PurchaseKinds.Contains(interaction.Kind), referral);
            await CreditAsync(store, program, earn, ledgers, locked, now, _ => true, ct).ConfigureAwait(false);
        }
        await ledgers.SaveAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Credits what the rules award for one interaction, to the beneficiaries <paramref name="keep"/>
    /// accepts. Each beneficiary's ledger is read (and, on a server store, the customer locked) first.
    /// </summary>
    internal static async ValueTask CreditAsync(IStoreSession store, LoyaltyProgram program, EarnContext earn, Ledgers ledgers, HashSet<CustomerCode> locked,
        DateTimeOffset now, Func<CustomerCode, bool> keep, CancellationToken ct)
    {
        // The rules are pure, so asking them first tells whose ledgers the credit needs.
        var beneficiaries = program.Rules.SelectMany(r => r.Award(earn)).Select(a => a.Beneficiary).Distinct().ToArray();
        if (!beneficiaries.Any(keep)) return;
        var involved = new List<PointsLedger>();
        foreach (var code in beneficiaries)
        {
            // A beneficiary other than the interaction's customer (the referrer) is locked like any customer written to.
            if (locked.Add(code) && await store.Customers.FindAsync(code, ct).ConfigureAwait(false) is null) throw new CustomerNotFoundException(code);
            involved.Add(await ledgers.OfAsync(code, ct).ConfigureAwait(false));
        }
        var at = Ledgers.At(now, involved);
        foreach (var (code, update) in program.Credit(earn, ledgers.Loaded, at, Actor))
            if (keep(code)) ledgers.Apply(update);
    }
}
