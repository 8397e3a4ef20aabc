namespace CrmKit;

/// <summary>
/// A database file cannot be opened as asked: it is missing, it is not a CrmKit database, it is
/// cut short or damaged, its password is wrong, or it is in use (<see cref="DatabaseInUseException"/>).
/// CrmKit refuses before writing anything, so the file is left byte for byte as it was.
/// </summary>
public class DatabaseFileException : CrmException
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>; the message is the path followed by <paramref name="reason"/>.</summary>
    public DatabaseFileException(string path, string reason)
        : base($"'{path}' {reason}")
    {
        FilePath = path;
        Reason = reason;
    }

    /// <summary>Creates the exception with the error that revealed the problem.</summary>
    public DatabaseFileException(string path, string reason, Exception inner)
        : base($"'{path}' {reason}", inner)
    {
        FilePath = path;
        Reason = reason;
    }

    /// <summary>The database file, as a full path.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, as a sentence that follows the path: <c>is not a CrmKit database: …</c>.</summary>
    public string Reason { get; }
}
