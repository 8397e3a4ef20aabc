namespace CrmKit.Cli;

/// <summary>
/// Writes a file the user asked for (an export, a rejects file) without ever destroying one that
/// is not ours: the database and its companion files are never written, an existing file only with
/// <c>--force</c>, and the content goes to a temporary file beside the target that replaces it only
/// once it is complete, so an interrupted write leaves no half-written file.
/// </summary>
internal static class OutputFile
{
    /// <summary>The files that make up a database at <paramref name="database"/>, which no output may replace: the data file, its log (<c>crm-log.db</c>), its lock and settings files.</summary>
    private static IEnumerable<string> DatabaseFiles(string database)
    {
        var db = Path.GetFullPath(database);
        var folder = Path.GetDirectoryName(db) ?? ".";
        yield return db;
        yield return Path.Combine(folder, Path.GetFileNameWithoutExtension(db) + "-log" + Path.GetExtension(db));
        yield return db + ".lock";
        yield return db + ".json";
    }

    /// <summary>Refuses <paramref name="path"/> now, before any work is done, when writing it later would be refused.</summary>
    /// <param name="path">Where the output goes.</param>
    /// <param name="force">Whether an existing file may be replaced.</param>
    /// <param name="database">The database the command works on, if any: it and its companion files are never replaced.</param>
    /// <exception cref="CommandFailure">The path is the database or one of its files, a folder, or an existing file without <c>--force</c>.</exception>
    internal static void Check(string path, bool force, string? database = null)
    {
        var full = Path.GetFullPath(path);
        if (database is not null)
        {
            foreach (var own in DatabaseFiles(database))
            {
                if (string.Equals(full, own, StringComparison.Ordinal) || SameFile(full, own))
                    throw new CommandFailure(CrmKitCli.UsageError, $"refusing to write '{path}': it is the database's own file ({Path.GetFileName(own)}). Choose another path.");
            }
        }
        if (Directory.Exists(full))
            throw new CommandFailure(CrmKitCli.UsageError, $"refusing to write '{path}': it is a folder.");
        if (File.Exists(full) && !force)
            throw new CommandFailure(CrmKitCli.UsageError, $"refusing to overwrite '{path}': the file exists. Pass --force to replace it.");
    }

    /// <summary>Checks <paramref name="path"/> as <see cref="Check"/> does, then writes it whole or not at all.</summary>
    /// <exception cref="CommandFailure">As <see cref="Check"/>.</exception>
    internal static void Write(string path, bool force, Action<Stream> write, string? database = null)
    {
        Check(path, force, database);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            // Without --force, a file that appeared meanwhile is not replaced either.
            if (force) File.Move(temporary, full, overwrite: true);
            else File.Move(temporary, full, overwrite: false);
        }
        catch (IOException) when (!force && File.Exists(full))
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"refusing to overwrite '{path}': the file exists. Pass --force to replace it.");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>True when both paths name one existing file, also through a link.</summary>
    private static bool SameFile(string a, string b)
    {
        if (!File.Exists(a) || !File.Exists(b)) return false;
        var resolvedA = new FileInfo(a).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? a;
        var resolvedB = new FileInfo(b).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? b;
        return string.Equals(resolvedA, resolvedB, StringComparison.Ordinal);
    }
}
