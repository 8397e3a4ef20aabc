using CrmKit.Value;
using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>Maps a stored <see cref="ValueFit"/> and per-customer <see cref="CustomerValue"/> to and from documents.</summary>
internal static class ValueDocument
{
    internal static BsonDocument FitToBson(ValueFit fit) => new()
    {
        ["r"] = fit.Purchases.R,
        ["alpha"] = fit.Purchases.Alpha,
        ["a"] = fit.Purchases.A,
        ["b"] = fit.Purchases.B,
        ["ll"] = fit.PurchasesLogLikelihood,
        ["p"] = fit.Spend.P,
        ["q"] = fit.Spend.Q,
        ["gamma"] = fit.Spend.Gamma,
        ["sll"] = fit.SpendLogLikelihood,
        ["start"] = fit.Calibration.Start.DayNumber,
        ["end"] = fit.Calibration.End.DayNumber,
        ["unit"] = fit.Unit.Ticks,
        ["at"] = Bson.Instant(fit.FittedAt),
        ["n"] = fit.Customers,
        ["ns"] = fit.SpendCustomers,
    };

    internal static ValueFit FitFromBson(BsonDocument d) => new(
        new BgNbdParameters(d["r"].AsDouble, d["alpha"].AsDouble, d["a"].AsDouble, d["b"].AsDouble),
        d["ll"].AsDouble,
        new GammaGammaParameters(d["p"].AsDouble, d["q"].AsDouble, d["gamma"].AsDouble),
        d["sll"].AsDouble,
        new CalibrationWindow(DateOnly.FromDayNumber(d["start"].AsInt32), DateOnly.FromDayNumber(d["end"].AsInt32)),
        TimeSpan.FromTicks(d["unit"].AsInt64),
        Bson.ToInstant(d["at"]),
        d["n"].AsInt32,
        d["ns"].AsInt32);

    internal static BsonDocument ValueToBson(CustomerValue v) => new()
    {
        ["_id"] = v.CustomerCode,
        ["alive"] = v.ProbabilityAlive,
        ["next"] = v.ExpectedPurchasesNextPeriod,
        ["spend"] = v.ExpectedSpend,
        ["clv"] = v.LifetimeValue,
        ["past"] = v.PastValue,
        ["rfm"] = new BsonArray(new BsonValue(v.Rfm.Recency), new BsonValue(v.Rfm.Frequency), new BsonValue(v.Rfm.Monetary)),
        ["tier"] = v.Tier.Rank,
        ["tierName"] = v.Tier.Name,
        ["quadrant"] = v.Quadrant.ToString(),
    };

    internal static CustomerValue ValueFromBson(BsonDocument d) => new(
        d["_id"].AsString,
        d["alive"].AsDouble,
        d["next"].AsDouble,
        d["spend"].AsDecimal,
        d["clv"].AsDecimal,
        d["past"].AsDecimal,
        new RfmScore(d["rfm"][0].AsInt32, d["rfm"][1].AsInt32, d["rfm"][2].AsInt32),
        new ValueTier(d["tier"].AsInt32, d["tierName"].AsString),
        Enum.Parse<ValueQuadrant>(d["quadrant"].AsString));
}
