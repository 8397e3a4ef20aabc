using CrmKit.Storage;
using LiteDB;

namespace CrmKit.Value;

/// <summary>
/// Fits the value models to a database's purchase log and keeps the result: the latest
/// <see cref="ValueFit"/> and each customer's <see cref="CustomerValue"/> (probability alive,
/// expected purchases and spend, lifetime value, RFM score, tier, quadrant), readable per
/// customer by scripts, filters and the CLI.
/// </summary>
public sealed class ValueBook
{
    private readonly CrmContext _context;

    internal ValueBook(CrmContext context) => _context = context;

    /// <summary>
    /// Fits BG/NBD and Gamma-Gamma on the purchases (interactions of the purchase kinds, with their
    /// amounts) up to <paramref name="calibrationEnd"/> inclusive, scores every customer who made a
    /// purchase, and stores the fit and the scores in one transaction, replacing earlier scores.
    /// </summary>
    /// <param name="calibrationEnd">The last day of the calibration window.</param>
    /// <param name="calibrationStart">The first day; the day of the earliest purchase when null.</param>
    /// <param name="unit">The model's time unit; one week when null.</param>
    /// <param name="scoring">Prediction horizon, lifetime-value terms, tiers and quadrants; the defaults when null.</param>
    /// <exception cref="ArgumentException">There are no purchases in the window, or the window is invalid.</exception>
    public ValueFit Fit(DateOnly calibrationEnd, DateOnly? calibrationStart = null, TimeSpan? unit = null, ValueScoringOptions? scoring = null)
    {
        var purchaseKinds = _context.Options.PurchaseKinds.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var purchases = _context.Store.Interactions.FindAll()
            .Where(d => purchaseKinds.Contains(d["k"].AsString))
            .Select(d => new Purchase(d["c"].AsString, Bson.ToInstant(d["at"]), d["amt"].IsNull ? 0m : d["amt"].AsDecimal))
            .ToList();
        if (purchases.Count == 0) throw new ArgumentException("The database holds no purchases to fit the value models to.", nameof(calibrationEnd));
        var start = calibrationStart ?? purchases.Min(p => p.Day);
        var window = new CalibrationWindow(start, calibrationEnd);
        var timeUnit = unit ?? TimeSpan.FromDays(7);

        var summaries = new PurchaseSummaryBuilder(window, timeUnit).Build(purchases);
        var model = ValueModel.FitTo(summaries, window, timeUnit, _context.Options.TimeProvider);
        var values = model.Score(summaries, scoring);

        return _context.Store.Write(() =>
        {
            var store = _context.Store;
            store.ValueFits.Insert(ValueDocument.FitToBson(model.Fit));
            store.CustomerValues.DeleteAll();
            store.CustomerValues.InsertBulk(values.Select(ValueDocument.ValueToBson));
            return model.Fit;
        });
    }

    /// <summary>The most recent stored fit, or null before the first <see cref="Fit"/>.</summary>
    public ValueFit? LatestFit()
    {
        var doc = _context.Store.ValueFits.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        return doc is null ? null : ValueDocument.FitFromBson(doc);
    }

    /// <summary>A customer's value figures from the latest fit (after resolving merges), or null when the customer had no purchase then.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerValue? For(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        var doc = _context.Store.CustomerValues.FindById(code.Value);
        return doc is null ? null : ValueDocument.ValueFromBson(doc);
    }

    /// <summary>Every scored customer's value figures from the latest fit, in code order.</summary>
    public IReadOnlyList<CustomerValue> All() =>
        _context.Store.CustomerValues.Query().OrderBy("_id").ToEnumerable().Select(ValueDocument.ValueFromBson).ToArray();

    /// <summary>
    /// Splits every customer into value tiers by a measure of their current stats (for example the
    /// monetary total), largest first, ties by code; sizes follow the shares exactly
    /// (<see cref="ValueTierShare.Pyramid"/>, top 1% / next 19% / next 30% / last 50%, when null).
    /// Needs no fitted model. Writes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The shares are empty, repeat a name or do not add up to 1.</exception>
    public IReadOnlyDictionary<CustomerCode, ValueTier> TiersBy(Func<CustomerStats, decimal> measure, IReadOnlyList<ValueTierShare>? shares = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var tiers = shares ?? ValueTierShare.Pyramid;
        ValueTierAssigner.CheckShares(tiers, nameof(shares));
        // Stats live in the customer documents, so one pass over the customers gives every measure.
        var customers = _context.Store.Customers.FindAll().ToArray();
        var codes = customers.Select(d => d["_id"].AsString).ToArray();
        var measures = customers.Select(d => measure(StatsDocument.FromBson(LiteStore.StatsOf(d)))).ToArray();
        var assigned = ValueTierAssigner.Assign(codes, measures, tiers);
        return codes.Select((c, i) => (c, i)).ToDictionary(x => new CustomerCode(x.c), x => assigned[x.i]);
    }

    /// <summary>The sum of lifetime values over every scored customer (customer equity).</summary>
    public decimal CustomerEquity() => ValueModel.CustomerEquity(All());
}
