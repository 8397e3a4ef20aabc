using Npgsql;

namespace CrmKit.PostgreSql.Tests.Migrations;

/// <summary>What the database's catalog says about one schema, for comparing before and after.</summary>
internal static class SchemaCatalog
{
    internal static readonly string[] Tables =
    [
        "aliases", "campaign_assignments", "campaign_steps", "campaign_templates", "campaigns", "care_suppressions", "care_tasks", "cases", "claims", "contact_attempts",
        "customer_values", "customers", "duplicate_matches", "erasures", "grade_changes", "interactions", "job_attempts",
        "job_runs", "kept_values", "ledger_entries", "merge_history", "merges", "meta", "owner_changes", "referrals", "removed_customers", "schema_migrations", "segment_clauses", "segment_events",
        "segment_members", "segments", "source_ids", "stage_changes", "value_fits", "value_sources",
    ];

    /// <summary>The names of the ordinary tables in <paramref name="schema"/>, sorted.</summary>
    internal static async Task<string[]> TablesAsync(NpgsqlConnection connection, string schema) =>
        [.. await StringsAsync(connection, "SELECT tablename::text FROM pg_tables WHERE schemaname = $1 ORDER BY 1", schema)];

    /// <summary>Every table in the database outside the system schemas, as schema.table.</summary>
    internal static async Task<string[]> AllTablesAsync(NpgsqlConnection connection) =>
        [.. await StringsAsync(connection, "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", null)];

    /// <summary>
    /// A description of everything in the schema (relations, columns, constraints, functions,
    /// sequences' positions) and of every recorded migration, including when it was applied.
    /// </summary>
    internal static async Task<string> FingerprintAsync(NpgsqlConnection connection, string schema)
    {
        var lines = await StringsAsync(connection, """
            SELECT x FROM (
                SELECT 'rel ' || c.relname || ' ' || c.relkind::text AS x FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1
                UNION ALL SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                    FROM information_schema.columns WHERE table_schema = $1
                UNION ALL SELECT 'con ' || conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1
                UNION ALL SELECT 'fn ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
            ) s ORDER BY x
            """, schema);
        var quoted = "\"" + schema + "\"";
        if (await ExistsAsync(connection, $"{quoted}.schema_migrations"))
            lines.AddRange(await StringsAsync(connection, $"SELECT 'mig ' || version || ' ' || name || ' ' || checksum || ' ' || applied_at FROM {quoted}.schema_migrations ORDER BY version", null));
        return string.Join('\n', lines);
    }

    internal static async Task<bool> ExistsAsync(NpgsqlConnection connection, string relation)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = relation });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection connection, string sql, string? parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
