using CrmKit.Storage;

namespace CrmKit.PostgreSql;

/// <summary>Service cases: one row per case, the case's JSON form in <c>body</c>, the look-up columns beside it.</summary>
internal sealed class PgCases(PgSession session) : ICaseStore
{
    private const string Columns = "id, customer_code, owner, active, changes, body::text";

    public async ValueTask<long> InsertAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        session.RequireWrite();
        return (long)(await session.ScalarAsync(
            "INSERT INTO cases (customer_code, owner, active, changes, body) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id",
            cancellationToken, record.Customer.Value, record.Owner, record.Active, record.Changes, record.Document).ConfigureAwait(false))!;
    }

    public async ValueTask<CaseRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await session.ListAsync($"SELECT {Columns} FROM cases WHERE id = $1", Read, cancellationToken, id).ConfigureAwait(false)).SingleOrDefault();

    public async ValueTask UpdateAsync(CaseRecord record, int expectedChanges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        session.RequireWrite();
        var stored = await session.ScalarAsync("SELECT changes FROM cases WHERE id = $1 FOR UPDATE", cancellationToken, record.Id).ConfigureAwait(false)
            ?? throw new CaseNotFoundException(record.Id);
        if ((int)stored != expectedChanges)
            throw new ConcurrencyConflictException($"Case {record.Id}", record.Customer, expectedChanges, (int)stored);
        await session.ExecuteAsync(
            "UPDATE cases SET customer_code = $2, owner = $3, active = $4, changes = $5, body = $6::jsonb WHERE id = $1",
            cancellationToken, record.Id, record.Customer.Value, record.Owner, record.Active, record.Changes, record.Document).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<CaseRecord>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await session.ListAsync(
            $"SELECT {Columns} FROM cases WHERE ($1::text IS NULL OR customer_code = $1) AND ($2::text IS NULL OR owner = $2) AND (NOT $3 OR active) ORDER BY id",
            Read, cancellationToken, query.Customer?.Value, query.Owner, query.ActiveOnly).ConfigureAwait(false);
    }

    private static CaseRecord Read(Npgsql.NpgsqlDataReader r) =>
        new(r.GetInt64(0), new CustomerCode(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3), r.GetInt32(4), r.GetString(5));
}
