using CrmKit.Loyalty;
using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Points ledgers (one row per entry, keyed by customer and sequence) and referrals (one row per
/// referred customer). The domain locks a customer's row before it writes the customer's ledger, so
/// appends to one ledger are serialised; the key refuses a number taken all the same.
/// </summary>
internal sealed class PgLoyalty(PgSession session) : ILoyaltyStore
{
    private const string EntryColumns = "customer_code, sequence, kind, points, happened_at, happened_offset, source_kind, source_reference, actor, rule, note";
    private const string ReferralColumns = "referrer_code, referred_code, referred_at, referred_offset, staff";

    public async ValueTask<IReadOnlyList<LedgerEntry>> EntriesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {EntryColumns} FROM ledger_entries WHERE customer_code = $1 ORDER BY sequence", ReadEntry, cancellationToken, customer.Value)
            .ConfigureAwait(false);

    public async ValueTask AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        session.RequireWrite();
        if (entries.Count == 0) return;
        var codes = entries.Select(e => e.Customer.Value).Distinct().ToArray();
        var last = (await session.ListAsync("SELECT customer_code, max(sequence) FROM ledger_entries WHERE customer_code = ANY($1) GROUP BY customer_code",
            r => (Code: r.GetString(0), Last: r.GetInt64(1)), cancellationToken, (object)codes).ConfigureAwait(false)).ToDictionary(x => x.Code, x => x.Last, StringComparer.Ordinal);
        LedgerChecks.Continues(entries, c => last.GetValueOrDefault(c.Value));
        await InsertAsync(entries, cancellationToken).ConfigureAwait(false);
        foreach (var code in entries.Select(e => e.Customer).Distinct())
            await PgChangeFeed.MarkAsync(session, code, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ReplaceAsync(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        LedgerChecks.Whole(customer, entries);
        await session.ExecuteAsync("DELETE FROM ledger_entries WHERE customer_code = $1", cancellationToken, customer.Value).ConfigureAwait(false);
        if (entries.Count > 0) await InsertAsync(entries, cancellationToken).ConfigureAwait(false);
        await PgChangeFeed.MarkAsync(session, customer, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<CustomerCode>> LedgerCustomersAsync(CancellationToken cancellationToken) =>
        await session.ListAsync("SELECT customer_code FROM ledger_entries GROUP BY customer_code ORDER BY customer_code COLLATE \"C\"", r => new CustomerCode(r.GetString(0)), cancellationToken)
            .ConfigureAwait(false);

    public async ValueTask<bool> AddReferralAsync(Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        session.RequireWrite();
        return await session.ExecuteAsync($"INSERT INTO referrals ({ReferralColumns}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (referred_code) DO NOTHING",
            cancellationToken, Sql.Args(referral.Referrer.Value, referral.Referred.Value, Sql.At(referral.At), Sql.Text(referral.Staff))).ConfigureAwait(false) == 1;
    }

    public async ValueTask<Referral?> ReferralOfAsync(CustomerCode referred, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {ReferralColumns} FROM referrals WHERE referred_code = $1", ReadReferral, cancellationToken, referred.Value).ConfigureAwait(false))
            .SingleOrDefault();

    public async ValueTask<IReadOnlyList<Referral>> ReferralsByAsync(CustomerCode referrer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {ReferralColumns} FROM referrals WHERE referrer_code = $1 ORDER BY referred_code COLLATE \"C\"", ReadReferral, cancellationToken,
            referrer.Value).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Referral>> AllReferralsAsync(CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {ReferralColumns} FROM referrals ORDER BY referred_code COLLATE \"C\"", ReadReferral, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> RemoveReferralAsync(CustomerCode referred, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("DELETE FROM referrals WHERE referred_code = $1", cancellationToken, referred.Value).ConfigureAwait(false) == 1;
    }

    private async ValueTask InsertAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken ct) =>
        await session.ExecuteAsync($"""
            INSERT INTO ledger_entries ({EntryColumns})
            SELECT $1[n], $2[n], $3[n], $4[n], $5[n], $6[n], $7[n], $8[n], $9[n], $10[n], $11[n]
            FROM generate_subscripts($1, 1) n
            """, ct,
            entries.Select(e => e.Customer.Value).ToArray(),
            entries.Select(e => e.Sequence).ToArray(),
            entries.Select(e => e.Kind.ToString()).ToArray(),
            entries.Select(e => e.Points).ToArray(),
            entries.Select(e => e.At.UtcDateTime).ToArray(),
            entries.Select(e => Sql.Offset(e.At)).ToArray(),
            entries.Select(e => e.Source.Kind.ToString()).ToArray(),
            entries.Select(e => e.Source.Reference).ToArray(),
            entries.Select(e => e.Actor).ToArray(),
            entries.Select(e => e.Rule).ToArray(),
            entries.Select(e => e.Note).ToArray()).ConfigureAwait(false);

    private static LedgerEntry ReadEntry(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(0)), r.GetInt64(1), Enum.Parse<LedgerEntryKind>(r.GetString(2)), r.GetInt64(3), Sql.At(r, 4),
            PointsSource.From(Enum.Parse<PointsSourceKind>(r.GetString(6)), r.GetString(7)), r.GetString(8), Sql.OptionalText(r, 9), Sql.OptionalText(r, 10));

    private static Referral ReadReferral(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(0)), new CustomerCode(r.GetString(1)), Sql.At(r, 2), Sql.OptionalText(r, 4));
}
