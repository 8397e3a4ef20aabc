using CrmKit.Storage;
using CrmKit.Value;

namespace CrmKit.PostgreSql;

/// <summary>Value fits (newest last) and each customer's figures from the latest, replaced whole by each fit.</summary>
internal sealed class PgValues(PgSession session) : IValueStore
{
    public async ValueTask ReplaceAsync(ValueFit fit, IReadOnlyList<CustomerValue> values, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var id = (long)(await session.ScalarAsync("""
            INSERT INTO value_fits (purchases_r, purchases_alpha, purchases_a, purchases_b, purchases_log_likelihood, spend_p, spend_q, spend_gamma,
                spend_log_likelihood, calibration_start, calibration_end, unit_ticks, fitted_at, fitted_offset, customers, spend_customers)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id
            """, cancellationToken, Sql.Args(fit.Purchases.R, fit.Purchases.Alpha, fit.Purchases.A, fit.Purchases.B, fit.PurchasesLogLikelihood,
                fit.Spend.P, fit.Spend.Q, fit.Spend.Gamma, fit.SpendLogLikelihood, fit.Calibration.Start, fit.Calibration.End, fit.Unit.Ticks,
                Sql.At(fit.FittedAt), fit.Customers, fit.SpendCustomers)).ConfigureAwait(false))!;
        await session.ExecuteAsync("DELETE FROM customer_values", cancellationToken).ConfigureAwait(false);
        if (values.Count == 0) return;
        await session.ExecuteAsync("""
            INSERT INTO customer_values (customer_code, fit_id, probability_alive, expected_purchases, expected_spend, lifetime_value, past_value,
                rfm_recency, rfm_frequency, rfm_monetary, tier_rank, tier_name, quadrant)
            SELECT $1[n], $2, $3[n], $4[n], $5[n], $6[n], $7[n], $8[n], $9[n], $10[n], $11[n], $12[n], $13[n] FROM generate_subscripts($1, 1) n
            """, cancellationToken, values.Select(v => v.CustomerCode).ToArray(), id,
            values.Select(v => v.ProbabilityAlive).ToArray(), values.Select(v => v.ExpectedPurchasesNextPeriod).ToArray(),
            values.Select(v => v.ExpectedSpend).ToArray(), values.Select(v => v.LifetimeValue).ToArray(), values.Select(v => v.PastValue).ToArray(),
            values.Select(v => (short)v.Rfm.Recency).ToArray(), values.Select(v => (short)v.Rfm.Frequency).ToArray(), values.Select(v => (short)v.Rfm.Monetary).ToArray(),
            values.Select(v => v.Tier.Rank).ToArray(), values.Select(v => v.Tier.Name).ToArray(), values.Select(v => v.Quadrant.ToString()).ToArray()).ConfigureAwait(false);
    }

    public async ValueTask<ValueFit?> LatestFitAsync(CancellationToken cancellationToken) =>
        (await session.ListAsync("""
            SELECT purchases_r, purchases_alpha, purchases_a, purchases_b, purchases_log_likelihood, spend_p, spend_q, spend_gamma,
                spend_log_likelihood, calibration_start, calibration_end, unit_ticks, fitted_at, fitted_offset, customers, spend_customers
            FROM value_fits ORDER BY id DESC LIMIT 1
            """, r => new ValueFit(
                new BgNbdParameters(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)), r.GetDouble(4),
                new GammaGammaParameters(r.GetDouble(5), r.GetDouble(6), r.GetDouble(7)), r.GetDouble(8),
                new CalibrationWindow(r.GetFieldValue<DateOnly>(9), r.GetFieldValue<DateOnly>(10)), TimeSpan.FromTicks(r.GetInt64(11)),
                Sql.At(r, 12), r.GetInt32(14), r.GetInt32(15)), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<CustomerValue?> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {CustomerRows.ValueColumns} FROM customer_values v WHERE v.customer_code = $1", r => CustomerRows.ReadValue(r, 0), cancellationToken, customer.Value)
            .ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<CustomerValue>> AllAsync(CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {CustomerRows.ValueColumns} FROM customer_values v ORDER BY v.customer_code COLLATE \"C\"", r => CustomerRows.ReadValue(r, 0)!, cancellationToken)
            .ConfigureAwait(false));
}
