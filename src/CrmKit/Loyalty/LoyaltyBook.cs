using CrmKit.Loyalty;
using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Loyalty: each customer's points ledger (earned, redeemed, expired and adjusted entries, whose sum
/// is the balance, which never goes below zero), membership tiers derived from it, and referrals
/// that credit the referrer when the referred customer first buys. Points are earned by the
/// programme's rules (<see cref="CrmOptions.Loyalty"/>) in the same transaction as the interaction
/// that earns them. Thread-safe; every write is one transaction.
/// </summary>
public sealed class LoyaltyBook
{
    /// <summary>The actor expiries are recorded under.</summary>
    private const string ExpiryActor = "loyalty-expiry";

    private readonly CrmContext _context;

    internal LoyaltyBook(CrmContext context) => _context = context;

    /// <summary>The programme in force, or null when the database has none (nothing is earned by rule).</summary>
    public LoyaltyProgram? Program => _context.Options.Loyalty;

    private PointsExpiry Expiry => Program?.Expiry ?? PointsExpiry.Never;

    /// <summary>
    /// A customer's account now: the balance, the tier, the entries (the stored ones followed by the
    /// expiries that have fallen due since, which the next write to the ledger records; the balance
    /// is their sum) and the tier history.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public LoyaltyAccount Account(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        var now = _context.Now;
        var ledger = Ledgers.Replay(code, await s.Loyalty.EntriesOfAsync(code, ct).ConfigureAwait(false), Expiry, _context.Store.Location);
        var current = ledger.LastAt is { } last && last > now ? ledger : ledger.ExpireDue(now).Ledger;
        var history = Program?.Tiers is { } tiers ? TierTimeline.History(code, current.Entries, tiers, now) : [];
        var tier = TierTimeline.TierAt(history) is { } name ? Program!.Tiers!.Tiers.First(t => t.Name == name) : null;
        return new LoyaltyAccount(code, current.Balance, tier, current.Entries, history);
    }, default).Wait();

    /// <summary>A customer's balance now, after the expiries due by now.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public long Balance(CustomerCode customer) => Account(customer).Balance;

    /// <summary>
    /// Spends <paramref name="points"/> on <paramref name="reward"/> now, oldest points first. The
    /// expiries due by now are recorded first.
    /// </summary>
    /// <exception cref="InsufficientPointsException">The balance is smaller than <paramref name="points"/>; nothing was written.</exception>
    /// <exception cref="CrmValidationException">The points are not positive, or the reward or actor is empty or too long; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public LedgerEntry Redeem(CustomerCode customer, long points, string reward, string actor, string? note = null) =>
        RedeemAsync(customer, points, reward, actor, note).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Redeem"/>; cancelling writes nothing.</summary>
    /// <exception cref="InsufficientPointsException">The balance is smaller than <paramref name="points"/>; nothing was written.</exception>
    /// <exception cref="CrmValidationException">The points are not positive, or the reward or actor is empty or too long; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<LedgerEntry> RedeemAsync(CustomerCode customer, long points, string reward, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        Require.Name(reward, "reward");
        return Operate(customer, actor, (ledger, at) => ledger.Redeem(points, at, reward, actor, note), cancellationToken);
    }

    /// <summary>Grants points by hand now (an earned entry with the reason as its source); they expire like earned points.</summary>
    /// <exception cref="CrmValidationException">The points are out of range, or the reason or actor is empty or too long; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public LedgerEntry Grant(CustomerCode customer, long points, string reason, string actor, string? note = null)
    {
        Require.Name(reason, "reason");
        return Operate(customer, actor, (ledger, at) => ledger.Grant(points, at, reason, actor, note), default).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Corrects the balance by hand now, either way; a positive adjustment expires like earned
    /// points, a negative one spends the oldest points first.
    /// </summary>
    /// <exception cref="InsufficientPointsException">A negative adjustment is larger than the balance; nothing was written.</exception>
    /// <exception cref="CrmValidationException">The points are zero or out of range, or the reason or actor is empty or too long; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public LedgerEntry Adjust(CustomerCode customer, long points, string reason, string actor, string? note = null)
    {
        Require.Name(reason, "reason");
        return Operate(customer, actor, (ledger, at) => ledger.Adjust(points, at, reason, actor, note), default).GetAwaiter().GetResult();
    }

    private Task<LedgerEntry> Operate(CustomerCode customer, string actor, Func<PointsLedger, DateTimeOffset, LedgerUpdate> operation, CancellationToken ct)
    {
        Require.Name(actor, "actor");
        return _context.Write(async (s, c) =>
        {
            var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            var ledgers = new Ledgers(s, Expiry, _context.Store.Location);
            var ledger = await ledgers.OfAsync(code, c).ConfigureAwait(false);
            var update = operation(ledger, Ledgers.At(_context.Now, ledger));
            ledgers.Apply(update);
            await ledgers.SaveAsync(c).ConfigureAwait(false);
            return update.Added[^1];
        }, ct).AsTask();
    }

    /// <summary>
    /// Records the expiries that have fallen due by <paramref name="at"/> (now when null) in every
    /// ledger, each at the instant its points' validity ended, in one transaction. Balances read
    /// the same before and after (they count due expiries anyway); a nightly run keeps the stored
    /// ledgers, and what an export shows, up to date. Running it again records nothing more.
    /// </summary>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is later than now; nothing was written.</exception>
    public LoyaltyExpiryRun ExpireDue(DateTimeOffset? at = null) => ExpireDueAsync(at).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="ExpireDue"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is later than now; nothing was written.</exception>
    public Task<LoyaltyExpiryRun> ExpireDueAsync(DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var now = _context.Now;
        var instant = Require.Instant(at ?? now, "at");
        if (instant > now) throw new CrmValidationException("at", $"{instant:o} is later than now ({now:o}); expiries are recorded once they are due.");
        return _context.Write(async (s, c) =>
        {
            var ledgers = new Ledgers(s, Expiry, _context.Store.Location);
            var touched = 0;
            foreach (var code in await s.Loyalty.LedgerCustomersAsync(c).ConfigureAwait(false))
            {
                c.ThrowIfCancellationRequested();
                var ledger = await ledgers.OfAsync(code, c).ConfigureAwait(false);
                if (ledger.LastAt is { } last && last > instant) continue;
                var update = ledger.ExpireDue(instant);
                if (update.Added.Count == 0) continue;
                ledgers.Apply(update);
                touched++;
            }
            var added = await ledgers.SaveAsync(c).ConfigureAwait(false);
            return new LoyaltyExpiryRun(instant, touched, added.Count, -added.Sum(e => e.Points));
        }, cancellationToken).AsTask();
    }

    /// <summary>The membership tier a customer holds now, or null (no tiers in the programme, or below the first).</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public MembershipTier? Tier(CustomerCode customer) => Account(customer).Tier;

    /// <summary>
    /// Records that <paramref name="referrer"/> referred <paramref name="referred"/> at <paramref name="at"/>
    /// (now when null), taken by <paramref name="staff"/> if given. The referrer is credited (by the
    /// programme's referral rule) when the referred customer buys at or after the referral; a
    /// referral entered late, whose referred customer has bought since, is credited at once.
    /// </summary>
    /// <exception cref="CrmValidationException">The referred customer is already referred, a customer would refer themself (also after resolving merges), the referral would close a circle of referrals, or <paramref name="at"/> is later than now; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">A customer does not exist.</exception>
    public Referral Refer(CustomerCode referrer, CustomerCode referred, string? staff = null, DateTimeOffset? at = null) =>
        ReferAsync(referrer, referred, staff, at).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Refer"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">The referred customer is already referred, a customer would refer themself, the referral would close a circle, or <paramref name="at"/> is later than now; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">A customer does not exist.</exception>
    public Task<Referral> ReferAsync(CustomerCode referrer, CustomerCode referred, string? staff = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        Require.OptionalName(staff, "staff");
        var now = _context.Now;
        var instant = Require.Instant(at ?? now, "at");
        if (instant > now) throw new CrmValidationException("at", $"{instant:o} is later than now ({now:o}); a referral is recorded once it is made.");
        return _context.Write(async (s, c) =>
        {
            var (by, _) = await CrmContext.LoadAsync(s, referrer, c).ConfigureAwait(false);
            var (of, record) = await CrmContext.LoadAsync(s, referred, c).ConfigureAwait(false);
            if (by == of) throw new CrmValidationException("referred", $"'{referred}' is '{referrer}' (or was merged into it); a customer cannot refer themself.");
            var referral = new Referral(by, of, instant, staff);
            await ReferralLinks.CheckNoCircleAsync(s.Loyalty, referral, c).ConfigureAwait(false);
            if (!await s.Loyalty.AddReferralAsync(referral, c).ConfigureAwait(false))
            {
                var existing = await s.Loyalty.ReferralOfAsync(of, c).ConfigureAwait(false);
                throw new CrmValidationException("referred", $"'{of}' was already referred by '{existing?.Referrer}'; a customer is referred once.");
            }
            if (Program is { Rules.Count: > 0 } program && record.Stats.LastPurchaseAt is { } bought && referral.ConvertedBy(bought))
                await ReferralLinks.CreditLateAsync(_context, s, program, referral, c).ConfigureAwait(false);
            return referral;
        }, cancellationToken).AsTask();
    }

    /// <summary>The referral that brought <paramref name="customer"/> in, or null.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Referral? ReferralOf(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return await s.Loyalty.ReferralOfAsync(code, ct).ConfigureAwait(false);
    }, default).Wait();

    /// <summary>The referrals <paramref name="customer"/> made, by referred code.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<Referral> ReferralsBy(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return await s.Loyalty.ReferralsByAsync(code, ct).ConfigureAwait(false);
    }, default).Wait();

    /// <summary>
    /// Referral conversion per referrer (by code): how many customers each referred, and how many of
    /// those have bought at or after their referral.
    /// </summary>
    public IReadOnlyList<ReferralConversion> ConversionByReferrer() => Conversion(byStaff: false);

    /// <summary>Referral conversion per member of staff who took the referrals (by name); referrals taken by nobody in particular are left out.</summary>
    public IReadOnlyList<ReferralConversion> ConversionByStaff() => Conversion(byStaff: true);

    private IReadOnlyList<ReferralConversion> Conversion(bool byStaff) => _context.Read(async (s, ct) =>
    {
        var referrals = await s.Loyalty.AllReferralsAsync(ct).ConfigureAwait(false);
        var customers = await s.Customers.FindManyAsync([.. referrals.Select(r => r.Referred)], ct).ConfigureAwait(false);
        DateTimeOffset? LastPurchase(CustomerCode code) => customers.TryGetValue(code, out var record) ? record.Stats.LastPurchaseAt : null;
        return byStaff ? ReferralFigures.ByStaff(referrals, LastPurchase) : ReferralFigures.ByReferrer(referrals, LastPurchase);
    }, default).Wait();
}
