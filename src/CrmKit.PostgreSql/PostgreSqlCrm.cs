namespace CrmKit.PostgreSql;

/// <summary>Opens a CrmKit database kept on PostgreSQL.</summary>
public static class PostgreSqlCrm
{
    /// <summary>
    /// Opens the database in <paramref name="store"/>'s schema, applying pending migrations first.
    /// <see cref="CrmOptions.FilePath"/> and <see cref="CrmOptions.Password"/> are not used.
    /// </summary>
    /// <exception cref="CrmValidationException">The options are invalid; names the option.</exception>
    /// <exception cref="SchemaVersionException">The database's schema is newer than this version supports.</exception>
    /// <exception cref="CrmStorageException">The server could not be reached or refused; names server and database.</exception>
    public static CrmDatabase Open(CrmOptions options, PostgreSqlStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(options);
        var opened = PostgreSqlStore.Open(store);
        try
        {
            return CrmDatabase.Open(options, opened);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }
}
