using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Opens a database file so that opening never destroys: a missing file is created only when asked,
/// anything that is not a whole CrmKit database is refused before LiteDB may write to it, and the
/// file is locked against other processes for as long as it is open (<see cref="DatabaseFileLock"/>).
/// </summary>
internal static class DatabaseFile
{
    /// <summary>Every collection a CrmKit database may hold, including those of earlier versions.</summary>
    private static readonly HashSet<string> Known = new(
        Collections.All.Append(Collections.LegacyStats).Append(Collections.LegacyInteractions).Append(Collections.JobRuns).Concat(IdentityCollections.All),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of the stored configuration in the meta collection; present in every database since configurations are stored.</summary>
    internal const string ConfigurationKey = "configuration";

    /// <summary>
    /// Opens the file of <paramref name="options"/> for LiteDB and takes its lock, which the caller
    /// releases after disposing the database.
    /// </summary>
    /// <exception cref="DatabaseFileException">The file is missing (and may not be created), not a CrmKit database, cut short, damaged or locked with the wrong password; nothing was written.</exception>
    /// <exception cref="DatabaseInUseException">Another process holds the file for longer than the lock timeout.</exception>
    internal static LiteDatabase Open(CrmOptions options, out DatabaseFileLock fileLock)
    {
        var path = Path.GetFullPath(options.FilePath!);
        var passwordGiven = options.Password is not null;
        // Checked before the lock, so that a file that was never a database gets no lock file beside
        // it. A database that has been opened before has one; another process may be writing it right
        // now, so a failed check of such a file counts only when it fails again under the lock.
        try
        {
            if (File.Exists(path)) DatabaseFileCheck.Check(path, passwordGiven);
            else RefuseMissing(path, options);
        }
        catch (DatabaseFileException) when (File.Exists(DatabaseFileLock.LockPathFor(path)))
        {
        }

        fileLock = DatabaseFileLock.Acquire(path, shared: options.ReadOnly, options.LockTimeout);
        try
        {
            // Checked again under the lock: another process may have created or written the file meanwhile.
            var exists = File.Exists(path);
            if (exists) DatabaseFileCheck.Check(path, passwordGiven);
            else RefuseMissing(path, options);
            var connection = new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                Password = options.Password,
                ReadOnly = true,
            };
            if (exists)
            {
                var probe = Probe(path, connection);
                if (options.ReadOnly) return probe;
                probe.Dispose();
            }
            else
            {
                var folder = Path.GetDirectoryName(path);
                if (folder is not null && !Directory.Exists(folder))
                    throw new DatabaseFileException(path, $"cannot be created: the folder '{folder}' does not exist.");
            }
            connection.ReadOnly = false;
            return Guard(path, () => new LiteDatabase(connection));
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    private static void RefuseMissing(string path, CrmOptions options)
    {
        var log = DatabaseFileCheck.LogPathFor(path);
        if (File.Exists(log))
            throw new DatabaseFileException(path, $"is missing, but its log file '{log}' exists: restore the database file from a backup, or remove the log file to start anew.");
        if (options.ReadOnly || !options.CreateIfMissing)
            throw new DatabaseFileException(path, "does not exist. Create a database with 'crmkit init', or open it with CrmOptions.CreateIfMissing.");
    }

    /// <summary>Opens the file read-only and checks that it holds a CrmKit database; LiteDB cannot write to it in this mode.</summary>
    private static LiteDatabase Probe(string path, ConnectionString readOnly)
    {
        var db = Guard(path, () => new LiteDatabase(readOnly));
        try
        {
            Guard(path, () =>
            {
                var names = db.GetCollectionNames().ToList();
                var stored = names.Contains(Collections.Meta, StringComparer.OrdinalIgnoreCase)
                    && db.GetCollection(Collections.Meta).FindById(ConfigurationKey) is not null;
                // Files written before configurations were stored are known by their collections.
                var earlier = names.Contains(Collections.Customers, StringComparer.OrdinalIgnoreCase) && names.All(Known.Contains);
                if (!stored && !earlier)
                    throw new DatabaseFileException(path, names.Count == 0
                        ? "is an empty LiteDB database, not a CrmKit database."
                        : $"is a LiteDB database, but not a CrmKit database (its collections: {string.Join(", ", names.Order(StringComparer.Ordinal))}).");
                return 0;
            });
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Runs LiteDB code, turning its errors about the file into a <see cref="DatabaseFileException"/>.</summary>
    private static T Guard<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            throw new DatabaseFileException(path, "cannot be opened: the password is wrong.", e);
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException or InvalidCastException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new DatabaseFileException(path, $"is damaged or cannot be read: {e.Message}", e);
        }
    }
}
