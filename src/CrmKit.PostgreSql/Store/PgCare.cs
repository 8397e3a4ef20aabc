using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>
/// Care tasks and suppressions. A task's dedup key is enforced by the <c>care_tasks_occasion</c>
/// unique constraint: of two hosts inserting the same task at once, the second waits for the
/// first to commit and then inserts nothing (<c>ON CONFLICT DO NOTHING</c>), which the engine
/// reports as a task that already existed.
/// </summary>
internal sealed class PgCare(PgSession session) : ICareStore
{
    private const string Columns = """
        t.id, t.customer_code, t.rule, t.occasion_key, t.channel, t.due_at, t.due_offset, t.proposed_due_at, t.proposed_due_offset,
        t.priority, t.owner, t.note, t.status, t.created_at, t.created_offset, t.closed_at, t.closed_offset, t.outcome, t.closed_by
        """;

    public async ValueTask<CareTask?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {Columns} FROM care_tasks t WHERE t.id = $1", Read, cancellationToken, id).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<CareTask>> OfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {Columns} FROM care_tasks t WHERE t.customer_code = $1 ORDER BY t.id", Read, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<CareTask>> AllAsync(CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {Columns} FROM care_tasks t ORDER BY t.id", Read, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<CareTask>> OpenDueBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {Columns} FROM care_tasks t WHERE t.status = 'Open' AND t.due_at < $1 ORDER BY t.id", Read, cancellationToken, cutoff.UtcDateTime).ConfigureAwait(false);

    public async ValueTask<Page<CareTask>> PageAsync(CareTaskStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await session.ListAsync($"SELECT {Columns} FROM care_tasks t WHERE ($1::text IS NULL OR t.status = $1) ORDER BY t.id OFFSET $2 LIMIT $3",
            Read, cancellationToken, Sql.Text(status?.ToString()), page.Offset, page.Size + 1).ConfigureAwait(false);
        return new Page<CareTask>(rows.Take(page.Size).ToArray(), page.Offset, rows.Count > page.Size);
    }

    public async ValueTask<IReadOnlyDictionary<CareTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<CareTaskStatus>().ToDictionary(s => s, _ => 0);
        foreach (var (status, n) in await session.ListAsync("SELECT status, count(*)::int FROM care_tasks GROUP BY status",
            r => (Enum.Parse<CareTaskStatus>(r.GetString(0)), r.GetInt32(1)), cancellationToken).ConfigureAwait(false))
            counts[status] = n;
        return counts;
    }

    public async ValueTask<bool> KeyTakenAsync(string dedupKey, CancellationToken cancellationToken) =>
        await session.ScalarAsync("SELECT 1 FROM care_tasks WHERE dedup_key = $1 LIMIT 1", cancellationToken, dedupKey).ConfigureAwait(false) is not null;

    public async ValueTask<CareTask?> InsertAsync(CareTask task, string dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var id = await session.ScalarAsync("""
            INSERT INTO care_tasks (customer_code, rule, occasion_key, channel, due_at, due_offset, proposed_due_at, proposed_due_offset,
                priority, owner, note, status, created_at, created_offset, closed_at, closed_offset, outcome, closed_by, merged_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            ON CONFLICT ON CONSTRAINT care_tasks_occasion DO NOTHING
            RETURNING id
            """, cancellationToken, Fields(task, dedupKey)).ConfigureAwait(false);
        return id is long stored ? task with { Id = stored } : null;
    }

    public async ValueTask UpdateAsync(CareTask task, string? dedupKey, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        string key;
        if (dedupKey is null)
        {
            key = await session.ScalarAsync("SELECT dedup_key FROM care_tasks WHERE id = $1", cancellationToken, task.Id).ConfigureAwait(false) as string
                ?? throw new CareTaskNotFoundException(task.Id);
            // The stored key names the stored customer: keep the mark, not the code.
            key = CareKeys.Dedup(task) + key[(key.IndexOf(MergedMark, StringComparison.Ordinal) is var at and >= 0 ? at : key.Length)..];
        }
        else key = dedupKey;
        var updated = await session.ExecuteAsync("""
            UPDATE care_tasks SET (customer_code, rule, occasion_key, channel, due_at, due_offset, proposed_due_at, proposed_due_offset,
                priority, owner, note, status, created_at, created_offset, closed_at, closed_offset, outcome, closed_by, merged_from)
              = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            WHERE id = $20
            """, cancellationToken, Fields(task, key).Append(task.Id)).ConfigureAwait(false);
        if (updated == 0) throw new CareTaskNotFoundException(task.Id);
    }

    private const string MergedMark = "\u001fmerged-from\u001f";

    private static object?[] Fields(CareTask t, string dedupKey)
    {
        var plain = CareKeys.Dedup(t);
        var merged = dedupKey == plain ? ""
            : dedupKey.StartsWith(plain + MergedMark, StringComparison.Ordinal) ? dedupKey[(plain.Length + MergedMark.Length)..]
            : throw new CrmValidationException("dedupKey", $"'{dedupKey}' is not the dedup key of task {t.Id} ('{plain}', or it marked as a merged duplicate).");
        return Sql.Args(t.Customer.Value, t.Rule, t.OccasionKey, t.Channel.Name, Sql.At(t.Due), Sql.At(t.ProposedDue), t.Priority.ToString(),
            Sql.Text(t.Owner), Sql.Text(t.Note), t.Status.ToString(), Sql.At(t.CreatedAt), Sql.OptionalAt(t.ClosedAt), Sql.Text(t.Outcome), Sql.Text(t.ClosedBy), merged);
    }

    private static CareTask Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Customer = new CustomerCode(r.GetString(1)),
        Rule = r.GetString(2),
        OccasionKey = r.GetString(3),
        Channel = new Channel(r.GetString(4)),
        Due = Sql.At(r, 5),
        ProposedDue = Sql.At(r, 7),
        Priority = Enum.Parse<TaskPriority>(r.GetString(9)),
        Owner = Sql.OptionalText(r, 10),
        Note = Sql.OptionalText(r, 11),
        Status = Enum.Parse<CareTaskStatus>(r.GetString(12)),
        CreatedAt = Sql.At(r, 13),
        ClosedAt = Sql.OptionalAt(r, 15),
        Outcome = Sql.OptionalText(r, 17),
        ClosedBy = Sql.OptionalText(r, 18),
    };

    public async ValueTask PutSuppressionAsync(CareSuppression suppression, bool replace, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        await session.ExecuteAsync($"""
            INSERT INTO care_suppressions (customer_code, occasion_key, channel, reason, rule, detail, suppressed_at, suppressed_offset)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT ON CONSTRAINT care_suppressions_pkey DO {(replace ? "UPDATE SET rule = excluded.rule, detail = excluded.detail, suppressed_at = excluded.suppressed_at, suppressed_offset = excluded.suppressed_offset" : "NOTHING")}
            """, cancellationToken, Sql.Args(suppression.Customer.Value, suppression.OccasionKey, suppression.Channel.Name, suppression.Reason.ToString(),
                suppression.Rule, suppression.Detail, Sql.At(suppression.At))).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<CareSuppression>> SuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync("""
            SELECT customer_code, rule, occasion_key, channel, reason, detail, suppressed_at, suppressed_offset
            FROM care_suppressions WHERE customer_code = $1 ORDER BY occasion_key COLLATE "C", channel COLLATE "C", reason
            """, ReadSuppression, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<int> RemoveSuppressionsOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return await session.ExecuteAsync("DELETE FROM care_suppressions WHERE customer_code = $1", cancellationToken, customer.Value).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<SuppressionReason, int>> CountSuppressionsAsync(CancellationToken cancellationToken) =>
        (await session.ListAsync("SELECT reason, count(*)::int FROM care_suppressions GROUP BY reason",
            r => (Reason: Enum.Parse<SuppressionReason>(r.GetString(0)), Count: r.GetInt32(1)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(x => x.Reason, x => x.Count);

    private static CareSuppression ReadSuppression(NpgsqlDataReader r) => new(
        new CustomerCode(r.GetString(0)), r.GetString(1), r.GetString(2), new Channel(r.GetString(3)),
        Enum.Parse<SuppressionReason>(r.GetString(4)), r.GetString(5), Sql.At(r, 6));

    public async ValueTask<IReadOnlyDictionary<CustomerCode, IReadOnlyList<CareTask>>> OpenOfManyAsync(IReadOnlyCollection<CustomerCode> customers, CancellationToken cancellationToken) =>
        PgMany.Group(await session.ListAsync($"SELECT {Columns} FROM care_tasks t WHERE t.customer_code = ANY($1) AND t.status = 'Open' ORDER BY t.customer_code, t.id", Read,
            cancellationToken, (object)PgMany.Codes(customers)).ConfigureAwait(false), t => t.Customer);
}
