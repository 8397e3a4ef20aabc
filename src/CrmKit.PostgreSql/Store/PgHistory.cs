using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Stage history: append-only, oldest first; a merge moves it to the survivor.</summary>
internal sealed class PgStages(PgSession session) : IStageHistoryStore
{
    public async ValueTask AppendAsync(StageChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO stage_changes (customer_code, from_stage, to_stage, changed_at, changed_offset, reason, actor, merged_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, cancellationToken, Sql.Args(change.Customer.Value, Sql.Text(change.From?.Name), change.To.Name, Sql.At(change.At), change.Reason, change.Actor,
                Sql.Text(change.MergedFrom?.Value))).ConfigureAwait(false);
        await PgChangeFeed.MarkAsync(session, change.Customer, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask AppendManyAsync(IReadOnlyList<StageChange> changes, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        await session.ExecuteAsync("""
            INSERT INTO stage_changes (customer_code, from_stage, to_stage, changed_at, changed_offset, reason, actor, merged_from)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::smallint[], $6::text[], $7::text[], $8::text[])
            """, cancellationToken, changes.Select(c => c.Customer.Value).ToArray(), Texts(changes.Select(c => c.From?.Name)), changes.Select(c => c.To.Name).ToArray(),
            Sql.Instants(changes.Select(c => c.At.UtcDateTime).ToArray()), changes.Select(c => Sql.Offset(c.At)).ToArray(), changes.Select(c => c.Reason).ToArray(),
            changes.Select(c => c.Actor).ToArray(), Texts(changes.Select(c => c.MergedFrom?.Value))).ConfigureAwait(false);
        await PgChangeFeed.MarkManyAsync(session, changes.Select(c => c.Customer), cancellationToken).ConfigureAwait(false);
    }

    internal static Sql.Typed Texts(IEnumerable<string?> values) => new(values.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);

    private const string ChangeColumns = "customer_code, from_stage, to_stage, changed_at, changed_offset, reason, actor, merged_from";

    public async ValueTask<IReadOnlyList<StageChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {ChangeColumns} FROM stage_changes WHERE customer_code = $1 ORDER BY id", ReadChange, cancellationToken, customer.Value)
            .ConfigureAwait(false);

    public IAsyncEnumerable<IReadOnlyList<StageChange>> ScanAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        session.CursorAsync($"SELECT {ChangeColumns} FROM stage_changes WHERE changed_at >= $1 AND changed_at < $2 ORDER BY id",
            SnapshotScan.DefaultChunkSize, ReadChange, cancellationToken, from.UtcDateTime, to.UtcDateTime);

    private static StageChange ReadChange(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(0)), r.IsDBNull(1) ? (StageId?)null : new StageId(r.GetString(1)), new StageId(r.GetString(2)),
            Sql.At(r, 3), r.GetString(5), r.GetString(6)) { MergedFrom = r.IsDBNull(7) ? (CustomerCode?)null : new CustomerCode(r.GetString(7)) };

    public async ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("UPDATE stage_changes SET customer_code = $2, merged_from = coalesce(merged_from, $1) WHERE customer_code = $1",
            cancellationToken, from.Value, to.Value).ConfigureAwait(false);
    }
}

/// <summary>Grade history: append-only, oldest first.</summary>
internal sealed class PgGrades(PgSession session) : IGradeStore
{
    public async ValueTask AppendAsync(GradeChange change, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO grade_changes (customer_code, from_grade, to_grade, changed_at, changed_offset, reason, actor, is_review, merged_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, cancellationToken, Sql.Args(change.Customer.Value, Sql.Text(change.From), change.To, Sql.At(change.At), change.Reason, change.Actor, change.IsReview,
                Sql.Text(change.MergedFrom?.Value))).ConfigureAwait(false);
        await PgChangeFeed.MarkAsync(session, change.Customer, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask AppendManyAsync(IReadOnlyList<GradeChange> changes, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        await session.ExecuteAsync("""
            INSERT INTO grade_changes (customer_code, from_grade, to_grade, changed_at, changed_offset, reason, actor, is_review)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::smallint[], $6::text[], $7::text[], $8::boolean[])
            """, cancellationToken, changes.Select(c => c.Customer.Value).ToArray(), PgStages.Texts(changes.Select(c => c.From)), changes.Select(c => c.To).ToArray(),
            Sql.Instants(changes.Select(c => c.At.UtcDateTime).ToArray()), changes.Select(c => Sql.Offset(c.At)).ToArray(), changes.Select(c => c.Reason).ToArray(),
            changes.Select(c => c.Actor).ToArray(), changes.Select(c => c.IsReview).ToArray()).ConfigureAwait(false);
        await PgChangeFeed.MarkManyAsync(session, changes.Select(c => c.Customer), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<GradeChange>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT customer_code, from_grade, to_grade, changed_at, changed_offset, reason, actor, is_review, merged_from
            FROM grade_changes WHERE customer_code = $1 ORDER BY id
            """, r => new GradeChange(new CustomerCode(r.GetString(0)), Sql.OptionalText(r, 1), r.GetString(2), Sql.At(r, 3), r.GetString(5), r.GetString(6), r.GetBoolean(7))
            {
                MergedFrom = Sql.OptionalText(r, 8) is { } merged ? new CustomerCode(merged) : (CustomerCode?)null,
            },
            cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = await session.ExecuteAsync("UPDATE grade_changes SET customer_code = $2, merged_from = coalesce(merged_from, $1) WHERE customer_code = $1",
            cancellationToken, from.Value, to.Value).ConfigureAwait(false);
        if (moved > 0) await PgChangeFeed.MarkAsync(session, to, cancellationToken).ConfigureAwait(false);
        return moved;
    }
}

/// <summary>The latest claim on each customer.</summary>
internal sealed class PgClaims(PgSession session) : IClaimStore
{
    public async ValueTask<Claim?> GetAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        (await session.ListAsync("SELECT customer_code, salesperson, claimed_at, claimed_offset, until_at, until_offset FROM claims WHERE customer_code = $1",
            r => new Claim(new CustomerCode(r.GetString(0)), r.GetString(1), Sql.At(r, 2), Sql.At(r, 4)), cancellationToken, customer.Value).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask PutAsync(Claim claim, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO claims (customer_code, salesperson, claimed_at, claimed_offset, until_at, until_offset) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (customer_code) DO UPDATE SET salesperson = excluded.salesperson, claimed_at = excluded.claimed_at,
                claimed_offset = excluded.claimed_offset, until_at = excluded.until_at, until_offset = excluded.until_offset, version = claims.version + 1
            """, cancellationToken, Sql.Args(claim.Customer.Value, claim.Salesperson, Sql.At(claim.At), Sql.At(claim.Until))).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemoveAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("DELETE FROM claims WHERE customer_code = $1", cancellationToken, customer.Value).ConfigureAwait(false) > 0;
    }
}

/// <summary>The last completed run of each scheduled job.</summary>
internal sealed class PgJobRuns(PgSession session) : IJobRunStore
{
    public async ValueTask<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken) =>
        (await session.ListAsync("SELECT scheduled_at, scheduled_offset FROM job_runs WHERE job = $1", r => (DateTimeOffset?)Sql.At(r, 0), cancellationToken, job).ConfigureAwait(false))
            .FirstOrDefault();

    public async ValueTask RecordCompletedAsync(string job, DateTimeOffset scheduledAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO job_runs (job, scheduled_at, scheduled_offset, completed_at, completed_offset) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (job) DO UPDATE SET scheduled_at = excluded.scheduled_at, scheduled_offset = excluded.scheduled_offset,
                completed_at = excluded.completed_at, completed_offset = excluded.completed_offset
            """, cancellationToken, Sql.Args(job, Sql.At(scheduledAt), Sql.At(completedAt))).ConfigureAwait(false);
    }
}

/// <summary>Erasure records and the dossier of everything stored about one customer.</summary>
internal sealed class PgPrivacy(PgSession session) : IPrivacyStore
{
    public async ValueTask RecordErasureAsync(ErasureRecord erasure, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync("""
            INSERT INTO erasures (customer_code, erased_at, erased_offset, actor, reason, interactions_scrubbed) VALUES ($1, $2, $3, $4, $5, $6)
            """, cancellationToken, Sql.Args(erasure.Customer.Value, Sql.At(erasure.At), erasure.Actor, erasure.Reason, erasure.InteractionsScrubbed)).ConfigureAwait(false);
        await PgChangeFeed.MarkAsync(session, erasure.Customer, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<ErasureRecord>> ErasuresOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT customer_code, erased_at, erased_offset, actor, reason, interactions_scrubbed FROM erasures WHERE customer_code = $1 ORDER BY id
            """, r => new ErasureRecord(new CustomerCode(r.GetString(0)), Sql.At(r, 1), r.GetString(3), r.GetString(4), r.GetInt32(5)),
            cancellationToken, customer.Value).ConfigureAwait(false);
}
