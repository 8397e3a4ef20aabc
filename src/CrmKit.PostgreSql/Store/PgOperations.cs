using CrmKit.Storage;
using Npgsql;

namespace CrmKit.PostgreSql;

/// <summary>Contact attempts and owner changes: one row each in <c>contact_attempts</c> and <c>owner_changes</c>, numbered by their sequences.</summary>
internal sealed class PgOperations(PgSession session) : IOperationStore
{
    private const string AttemptColumns =
        "id, customer_code, task_id, case_id, channel, attempted_at, attempted_offset, outcome, actor, callback_at, callback_offset, note";

    private const string ChangeColumns = "id, customer_code, task_id, kind, from_owner, to_owner, changed_at, changed_offset, actor, note";

    public async ValueTask<ContactAttempt> AppendAttemptAsync(ContactAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        session.RequireWrite();
        var id = (long)(await session.ScalarAsync("""
            INSERT INTO contact_attempts (customer_code, task_id, case_id, channel, attempted_at, attempted_offset, outcome, actor, callback_at, callback_offset, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
            """, cancellationToken, Sql.Args(attempt.Customer.Value, Id(attempt.Task), Id(attempt.Case), attempt.Channel.Name, Sql.At(attempt.At),
                attempt.Outcome.ToString(), attempt.Actor, Sql.OptionalAt(attempt.CallbackAt), Sql.Text(attempt.Note))).ConfigureAwait(false))!;
        return attempt with { Id = id };
    }

    public async ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfTaskAsync(long task, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {AttemptColumns} FROM contact_attempts WHERE task_id = $1 ORDER BY id", ReadAttempt, cancellationToken, task).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfCaseAsync(long caseId, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {AttemptColumns} FROM contact_attempts WHERE case_id = $1 ORDER BY id", ReadAttempt, cancellationToken, caseId).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ContactAttempt>> AttemptsOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {AttemptColumns} FROM contact_attempts WHERE customer_code = $1 ORDER BY id", ReadAttempt, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ContactAttempt>> AttemptsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {AttemptColumns} FROM contact_attempts WHERE attempted_at >= $1 AND attempted_at < $2 ORDER BY id",
            ReadAttempt, cancellationToken, from.UtcDateTime, to.UtcDateTime).ConfigureAwait(false);

    public async ValueTask<IReadOnlyDictionary<long, int>> AttemptCountsAsync(IReadOnlyCollection<long> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0) return new Dictionary<long, int>();
        var rows = await session.ListAsync("SELECT task_id, count(*)::int FROM contact_attempts WHERE task_id = ANY($1) GROUP BY task_id",
            r => (Task: r.GetInt64(0), Count: r.GetInt32(1)), cancellationToken, tasks.Distinct().ToArray()).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Task, r => r.Count);
    }

    public async ValueTask<OwnerChange> AppendOwnerChangeAsync(OwnerChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        session.RequireWrite();
        var id = (long)(await session.ScalarAsync("""
            INSERT INTO owner_changes (customer_code, task_id, kind, from_owner, to_owner, changed_at, changed_offset, actor, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """, cancellationToken, Sql.Args(change.Customer.Value, Id(change.Task), change.Kind.ToString(), Sql.Text(change.From), Sql.Text(change.To),
                Sql.At(change.At), change.Actor, Sql.Text(change.Note))).ConfigureAwait(false))!;
        return change with { Id = id };
    }

    public async ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {ChangeColumns} FROM owner_changes WHERE customer_code = $1 ORDER BY id", ReadChange, cancellationToken, customer.Value).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<OwnerChange>> OwnerChangesOfTaskAsync(long task, CancellationToken cancellationToken) =>
        await session.ListAsync($"SELECT {ChangeColumns} FROM owner_changes WHERE task_id = $1 ORDER BY id", ReadChange, cancellationToken, task).ConfigureAwait(false);

    public async ValueTask<int> MoveCustomerAsync(CustomerCode merged, CustomerCode survivor, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = await session.BatchAsync([
            ("UPDATE contact_attempts SET customer_code = $2 WHERE customer_code = $1", [merged.Value, survivor.Value]),
            ("UPDATE owner_changes SET customer_code = $2 WHERE customer_code = $1", [merged.Value, survivor.Value]),
        ], cancellationToken).ConfigureAwait(false);
        return moved.Sum();
    }

    public async ValueTask<int> EraseNotesAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var erased = await session.BatchAsync([
            ("UPDATE contact_attempts SET note = NULL WHERE customer_code = $1 AND note IS NOT NULL", [customer.Value]),
            ("UPDATE owner_changes SET note = NULL WHERE customer_code = $1 AND note IS NOT NULL", [customer.Value]),
        ], cancellationToken).ConfigureAwait(false);
        return erased.Sum();
    }

    private static Sql.Typed Id(long? id) => new(id, NpgsqlTypes.NpgsqlDbType.Bigint);

    private static ContactAttempt ReadAttempt(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), new Channel(r.GetString(4)),
            Sql.At(r, 5), Enum.Parse<AttemptOutcome>(r.GetString(7)), r.GetString(8))
        {
            Id = r.GetInt64(0),
            CallbackAt = Sql.OptionalAt(r, 9),
            Note = Sql.OptionalText(r, 11),
        };

    private static OwnerChange ReadChange(NpgsqlDataReader r) =>
        new(new CustomerCode(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt64(2), Enum.Parse<OwnerChangeKind>(r.GetString(3)), Sql.OptionalText(r, 4),
            Sql.OptionalText(r, 5), Sql.At(r, 6), r.GetString(8), Sql.OptionalText(r, 9))
        {
            Id = r.GetInt64(0),
        };
}
