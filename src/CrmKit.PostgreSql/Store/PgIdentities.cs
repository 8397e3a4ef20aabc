using CrmKit.PostgreSql.Customers;
using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>The identity map, value sources, kept values, merge history and duplicate review list (migration 8).</summary>
internal sealed class PgIdentities(PgSession session) : IIdentityStore
{
    private const string SourceColumns = "system, source_id, customer_code, linked_at, linked_offset";
    private const string MatchColumns = "first_code, second_code, reasons, score, found_at, found_offset, found_by, dismissed_at, dismissed_offset, dismissed_by, dismiss_reason";

    public async ValueTask<SourceIdentity?> FindSourceAsync(string system, string id, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {SourceColumns} FROM source_ids WHERE system = $1 AND source_id = $2", ReadSource, cancellationToken, system, id)
            .ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<SourceIdentity>> SourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {SourceColumns} FROM source_ids WHERE customer_code = $1 ORDER BY system COLLATE \"C\", source_id COLLATE \"C\"",
            ReadSource, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask PutSourceAsync(SourceIdentity identity, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync($"""
            INSERT INTO source_ids ({SourceColumns}) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (system, source_id) DO UPDATE SET customer_code = excluded.customer_code, linked_at = excluded.linked_at, linked_offset = excluded.linked_offset
            """, cancellationToken, Sql.Args(identity.System, identity.Id, identity.Customer.Value, Sql.At(identity.LinkedAt))).ConfigureAwait(false);
    }

    public async ValueTask<Page<SourceIdentity>> SourcesAsync(string? system, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"""
            SELECT {SourceColumns} FROM source_ids WHERE $1::text IS NULL OR system = $1
            ORDER BY system COLLATE "C", source_id COLLATE "C" OFFSET $2 LIMIT $3
            """, ReadSource, cancellationToken, Sql.Text(system), page.Offset, page.Size + 1).ConfigureAwait(false);
        return new Page<SourceIdentity>(rows.Take(page.Size).ToArray(), page.Offset, rows.Count > page.Size);
    }

    public async ValueTask<IReadOnlyList<ValueSource>> ValueSourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync("SELECT customer_code, field, system, given_at, given_offset FROM value_sources WHERE customer_code = $1 ORDER BY field COLLATE \"C\"",
            r => new ValueSource(new CustomerCode(r.GetString(0)), r.GetString(1), r.GetString(2), Sql.At(r, 3)), cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask PutValueSourceAsync(ValueSource source, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO value_sources (customer_code, field, system, given_at, given_offset) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (customer_code, field) DO UPDATE SET system = excluded.system, given_at = excluded.given_at, given_offset = excluded.given_offset
            """, cancellationToken, Sql.Args(source.Customer.Value, source.Field, source.System, Sql.At(source.At))).ConfigureAwait(false);
    }

    public async ValueTask KeepAsync(KeptValue value, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO kept_values (customer_code, field, value, system, given_at, given_offset, kept_at, kept_offset, merged_from)
            VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9)
            """, cancellationToken, Sql.Args(value.Customer.Value, value.Field, AttributeJson.Write(new Dictionary<string, AttributeValue> { ["value"] = value.Value }),
                Sql.Text(value.System), Sql.At(value.At), Sql.At(value.KeptAt), Sql.Text(value.MergedFrom?.Value))).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<KeptValue>> KeptOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT customer_code, field, value::text, system, given_at, given_offset, kept_at, kept_offset, merged_from
            FROM kept_values WHERE customer_code = $1 ORDER BY id
            """, r => new KeptValue(new CustomerCode(r.GetString(0)), r.GetString(1), AttributeJson.Read(r.GetString(2))["value"], Sql.OptionalText(r, 3), Sql.At(r, 4), Sql.At(r, 6))
            {
                MergedFrom = Sql.OptionalText(r, 8) is { } merged ? new CustomerCode(merged) : (CustomerCode?)null,
            }, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var affected = await session.BatchAsync(
        [
            ("UPDATE source_ids SET customer_code = $2 WHERE customer_code = $1", [from.Value, to.Value]),
            ("UPDATE kept_values SET customer_code = $2, merged_from = coalesce(merged_from, $1) WHERE customer_code = $1", [from.Value, to.Value]),
            ("DELETE FROM value_sources WHERE customer_code = $1", [from.Value]),
        ], cancellationToken).ConfigureAwait(false);
        return affected[0];
    }

    public async ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var claim = merge.KeptClaim;
        await session.ExecuteAsync("""
            INSERT INTO merge_history (survivor_code, merged_code, merged_at, merged_offset, actor, reason, interactions_moved, stage_changes_moved,
                grade_changes_moved, identities_moved, values_kept, claim_customer_code, claim_salesperson, claim_at, claim_offset, claim_until, claim_until_offset)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """, cancellationToken, Sql.Args(merge.Survivor.Value, merge.Merged.Value, Sql.At(merge.At), merge.Actor, merge.Reason, merge.InteractionsMoved,
                merge.StageChangesMoved, merge.GradeChangesMoved, merge.IdentitiesMoved, merge.ValuesKept, Sql.Text(claim?.Customer.Value), Sql.Text(claim?.Salesperson),
                Sql.OptionalAt(claim?.At), Sql.OptionalAt(claim?.Until))).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<MergeRecord>> MergesIntoAsync(IReadOnlyCollection<CustomerCode> survivors, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT survivor_code, merged_code, merged_at, merged_offset, actor, reason, interactions_moved, stage_changes_moved, grade_changes_moved,
                identities_moved, values_kept, claim_customer_code, claim_salesperson, claim_at, claim_offset, claim_until, claim_until_offset
            FROM merge_history WHERE survivor_code = ANY($1) ORDER BY id
            """, r => new MergeRecord(new CustomerCode(r.GetString(0)), new CustomerCode(r.GetString(1)), Sql.At(r, 2), r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetInt32(7))
            {
                GradeChangesMoved = r.GetInt32(8),
                IdentitiesMoved = r.GetInt32(9),
                ValuesKept = r.GetInt32(10),
                KeptClaim = r.IsDBNull(12) ? null : new Claim(new CustomerCode(r.GetString(11)), r.GetString(12), Sql.At(r, 13), Sql.At(r, 15)),
            }, cancellationToken, [survivors.Select(s => s.Value).Distinct().ToArray()]).ConfigureAwait(false);

    public async ValueTask<DuplicateMatch?> FindMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken)
    {
        var (a, b) = Pair(first, second);
        return (await session.ListAsync($"SELECT {MatchColumns} FROM duplicate_matches WHERE first_code = $1 AND second_code = $2", ReadMatch, cancellationToken, a.Value, b.Value)
            .ConfigureAwait(false)).FirstOrDefault();
    }

    public async ValueTask PutMatchAsync(DuplicateMatch match, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var (first, second) = Pair(match.First, match.Second);
        await session.ExecuteAsync($"""
            INSERT INTO duplicate_matches ({MatchColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (first_code, second_code) DO UPDATE SET reasons = excluded.reasons, score = excluded.score, found_at = excluded.found_at,
                found_offset = excluded.found_offset, found_by = excluded.found_by, dismissed_at = excluded.dismissed_at, dismissed_offset = excluded.dismissed_offset,
                dismissed_by = excluded.dismissed_by, dismiss_reason = excluded.dismiss_reason
            """, cancellationToken, Sql.Args(first.Value, second.Value, match.Reasons.ToArray(), match.Score, Sql.At(match.FoundAt), match.FoundBy,
                Sql.OptionalAt(match.DismissedAt), Sql.Text(match.DismissedBy), Sql.Text(match.DismissReason))).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var (a, b) = Pair(first, second);
        return await session.ExecuteAsync("DELETE FROM duplicate_matches WHERE first_code = $1 AND second_code = $2", cancellationToken, a.Value, b.Value).ConfigureAwait(false) > 0;
    }

    public async ValueTask<IReadOnlyList<DuplicateMatch>> MatchesAsync(CustomerCode? customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"""
            SELECT {MatchColumns} FROM duplicate_matches WHERE $1::text IS NULL OR first_code = $1 OR second_code = $1
            ORDER BY first_code COLLATE "C", second_code COLLATE "C"
            """, ReadMatch, cancellationToken, Sql.Text(customer?.Value)).ConfigureAwait(false);

    /// <summary>The pair's codes, the lower (ordinal) first: the order rows are keyed in.</summary>
    private static (CustomerCode First, CustomerCode Second) Pair(CustomerCode a, CustomerCode b) =>
        string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a, b) : (b, a);

    private static SourceIdentity ReadSource(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), new CustomerCode(r.GetString(2)), Sql.At(r, 3));

    private static DuplicateMatch ReadMatch(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(0)), new CustomerCode(r.GetString(1)), r.GetFieldValue<string[]>(2), r.GetDouble(3), Sql.At(r, 4), r.GetString(6))
        {
            DismissedAt = Sql.OptionalAt(r, 7),
            DismissedBy = Sql.OptionalText(r, 9),
            DismissReason = Sql.OptionalText(r, 10),
        };
}
