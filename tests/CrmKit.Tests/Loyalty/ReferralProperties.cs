using CrmKit.Loyalty;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Loyalty;

public class ReferralProperties
{
    [Property(MaxTest = 300)]
    public Property The_referrer_is_credited_exactly_once_when_the_referred_customer_first_buys_and_only_then() =>
        Prop.ForAll(LoyaltyGenerators.ReferredPurchases.ToArbitrary(), purchases =>
        {
            var linkedAt = LoyaltyGenerators.Start.AddDays(60);
            var referral = new Referral("A", "R", linkedAt, "li");
            var program = new LoyaltyProgram([EarnRules.PerAmount(0.01m), EarnRules.ReferralBonus(500)]);
            var ledgers = new Dictionary<CustomerCode, PointsLedger>();
            PointsLedger Of(CustomerCode c) => ledgers.TryGetValue(c, out var l) ? l : PointsLedger.Empty(c, PointsExpiry.Never);
            var ordered = purchases.Select((p, i) => (p, Id: i + 1L)).OrderBy(x => x.p.DaysFromReferral).ToArray();
            var now = LoyaltyGenerators.Start;
            foreach (var (p, id) in ordered)
            {
                var at = linkedAt.AddDays(p.DaysFromReferral);
                now = at > now ? at : now;
                var interaction = new Interaction("R", InteractionKind.Purchase, Channel.Store, at) { Amount = 1_000m, Id = id };
                for (var seen = 0; seen < (p.SeenTwice ? 2 : 1); seen++)
                    foreach (var (code, update) in program.Credit(new EarnContext(interaction, true, referral), Of, now, "loyalty"))
                        ledgers[code] = update.Ledger;
            }
            var credits = ledgers.TryGetValue("A", out var referrer) ? referrer.Entries.Count(e => e.Source.Kind == PointsSourceKind.Referral) : 0;
            var converts = purchases.Any(p => p.DaysFromReferral >= 0);
            DateTimeOffset? last = purchases.Length == 0 ? null : linkedAt.AddDays(purchases.Max(p => p.DaysFromReferral));
            var figure = ReferralFigures.ByReferrer([referral], _ => last).Single();
            var buyerPoints = ledgers.TryGetValue("R", out var buyer) ? buyer.Entries.Count : 0;
            return (credits == (converts ? 1 : 0) && figure.Converted == credits && buyerPoints == purchases.Length)
                .Label($"credits {credits}, converts {converts}, figure {figure.Converted}, buyer entries {buyerPoints}");
        });
}
