using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>Invariants of rate cuts.</summary>
public class RateProperties
{
    private static readonly string?[] Owners = ["ana", "omar", null, "李"];
    private static readonly string?[] Campaigns = ["q4", "winback", null];

    private static Gen<ParticipationCase[]> Cases { get; } =
        (from owner in Gen.Elements(Owners)
         from campaign in Gen.Elements(Campaigns)
         from at in Generators.NearInstant
         from took in Gen.Elements(true, false)
         select new ParticipationCase("C1", at, took, new RateContext(owner, Channel.Sms, campaign))).ArrayOf();

    private static Arbitrary<RateCut> SingleValuedCuts { get; } = Gen.Elements(
        RateCut.ByOwner, RateCut.ByCampaign, RateCut.ByChannel,
        RateCut.ByPeriod(RatePeriod.Week, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu")),
        RateCut.ByPeriod(RatePeriod.Month, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property The_rows_of_a_single_valued_cut_add_up_to_the_uncut_rate() =>
        Prop.ForAll(Cases.ToArbitrary(), SingleValuedCuts, (cases, cut) =>
        {
            var all = RateCalculator.Participation(cases, RateCut.All)["all"];
            var rows = RateCalculator.Participation(cases, cut).Rows;
            return (rows.Sum(r => r.Rate.Numerator) == all.Numerator && rows.Sum(r => r.Rate.Denominator) == all.Denominator
                    && rows.All(r => r.Rate.Denominator > 0 && r.Rate.Numerator <= r.Rate.Denominator))
                .Label($"{rows.Count} rows against {all}");
        });
}
