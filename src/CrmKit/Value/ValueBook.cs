using CrmKit.Storage;

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
    /// <exception cref="CrmValidationException">There are no purchases in the window, the window or unit is invalid, or the models cannot be fitted to the purchases (nobody bought twice, say); nothing was written.</exception>
    public ValueFit Fit(DateOnly calibrationEnd, DateOnly? calibrationStart = null, TimeSpan? unit = null, ValueScoringOptions? scoring = null) =>
        TracedFit(calibrationEnd, calibrationStart, unit, scoring, default).Wait();

    /// <summary>The asynchronous form of <see cref="Fit"/>; the token is checked while reading and between the fit's steps, and cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">No purchases, an invalid window or unit, or models that cannot be fitted; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<ValueFit> FitAsync(DateOnly calibrationEnd, DateOnly? calibrationStart = null, TimeSpan? unit = null, ValueScoringOptions? scoring = null,
        CancellationToken cancellationToken = default) =>
        TracedFit(calibrationEnd, calibrationStart, unit, scoring, cancellationToken).AsTask();

    /// <summary>A fit inside its <see cref="CrmTelemetry.ValueFitActivity"/>, tagged with how many customers it fitted.</summary>
    private ValueTask<ValueFit> TracedFit(DateOnly calibrationEnd, DateOnly? calibrationStart, TimeSpan? unit, ValueScoringOptions? scoring, CancellationToken ct) =>
        Tracing.RunAsync(CrmTelemetry.ValueFitActivity, [("crmkit.value.calibration_end", calibrationEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
            () => FitCore(calibrationEnd, calibrationStart, unit, scoring, ct), (activity, fit) => activity
                .SetTag("crmkit.value.customers", fit.Customers)
                .SetTag("crmkit.value.spend_customers", fit.SpendCustomers));

    internal async ValueTask<ValueFit> FitCore(DateOnly calibrationEnd, DateOnly? calibrationStart, TimeSpan? unit, ValueScoringOptions? scoring, CancellationToken ct)
    {
        var purchases = await _context.Read(async (s, c) =>
        {
            var list = new List<Purchase>();
            await foreach (var chunk in s.Interactions.ScanAsync(_context.Options.PurchaseKinds, c).ConfigureAwait(false))
                list.AddRange(chunk.Select(i => new Purchase(i.Customer.Value, i.OccurredAt, i.Amount ?? 0m)));
            return list;
        }, ct).ConfigureAwait(false);
        if (purchases.Count == 0) throw new CrmValidationException("calibrationEnd", "the database holds no purchases to fit the value models to.");
        var start = calibrationStart ?? purchases.Min(p => p.Day);
        ValueModel model;
        IReadOnlyList<CustomerValue> values;
        try
        {
            var window = new CalibrationWindow(start, calibrationEnd);
            var timeUnit = unit ?? TimeSpan.FromDays(7);
            ct.ThrowIfCancellationRequested();
            var summaries = new PurchaseSummaryBuilder(window, timeUnit).Build(purchases);
            model = ValueModel.FitTo(summaries, window, timeUnit, _context.Options.TimeProvider);
            ct.ThrowIfCancellationRequested();
            values = model.Score(summaries, scoring);
        }
        catch (ArgumentException e)
        {
            throw Rejected(e, "fit");
        }

        return await _context.Write(async (s, c) =>
        {
            await s.Values.ReplaceAsync(model.Fit, values, c).ConfigureAwait(false);
            return model.Fit;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The most recent stored fit, or null before the first <see cref="Fit"/>.</summary>
    public ValueFit? LatestFit() => _context.Read((s, ct) => s.Values.LatestFitAsync(ct), default).Wait();

    /// <summary>A customer's value figures from the latest fit (after resolving merges), or null when the customer had no purchase then.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public CustomerValue? For(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return await s.Values.OfAsync(code, ct).ConfigureAwait(false);
    }, default).Wait();

    /// <summary>Every scored customer's value figures from the latest fit, in code order.</summary>
    public IReadOnlyList<CustomerValue> All() => _context.Read((s, ct) => s.Values.AllAsync(ct), default).Wait();

    /// <summary>
    /// Splits every customer into value tiers by a measure of their current stats (for example the
    /// monetary total), largest first, ties by code; sizes follow the shares exactly
    /// (<see cref="ValueTierShare.Pyramid"/>, top 1% / next 19% / next 30% / last 50%, when null).
    /// Needs no fitted model. Writes nothing.
    /// </summary>
    /// <exception cref="CrmValidationException">The shares are empty, repeat a name or do not add up to 1.</exception>
    public IReadOnlyDictionary<CustomerCode, ValueTier> TiersBy(Func<CustomerStats, decimal> measure, IReadOnlyList<ValueTierShare>? shares = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var tiers = shares ?? ValueTierShare.Pyramid;
        try
        {
            ValueTierAssigner.CheckShares(tiers, nameof(shares));
        }
        catch (ArgumentException e)
        {
            throw Rejected(e, "shares");
        }
        var codes = new List<string>();
        var measures = new List<decimal>();
        _context.Read(async (s, ct) =>
        {
            await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), ct).ConfigureAwait(false))
            {
                foreach (var c in chunk)
                {
                    codes.Add(c.Customer.Code.Value);
                    measures.Add(measure(c.Stats));
                }
            }
            return 0;
        }, default).Wait();
        var assigned = ValueTierAssigner.Assign(codes.ToArray(), measures.ToArray(), tiers);
        return codes.Select((c, i) => (c, i)).ToDictionary(x => new CustomerCode(x.c), x => assigned[x.i]);
    }

    /// <summary>An argument the value models refused, as a validation error naming the field and the reason.</summary>
    private static CrmValidationException Rejected(ArgumentException e, string field)
    {
        var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        return new CrmValidationException(e.ParamName ?? field, reason);
    }

    /// <summary>The sum of lifetime values over every scored customer (customer equity).</summary>
    public decimal CustomerEquity() => ValueModel.CustomerEquity(All());
}
