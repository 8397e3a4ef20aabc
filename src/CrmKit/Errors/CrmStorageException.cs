namespace CrmKit;

/// <summary>
/// The store failed: the file could not be read or written, is damaged, or the server refused.
/// <see cref="Location"/> names the file (or server database) and <see cref="Problem"/> what went
/// wrong; the store's own exception is the inner exception. Nothing the operation was asked to
/// write has been written.
/// </summary>
public sealed class CrmStorageException : CrmException
{
    /// <summary>Creates the exception for <paramref name="location"/>.</summary>
    public CrmStorageException(string location, string problem, Exception? inner = null)
        : base($"storage '{location}': {problem}", inner ?? new InvalidOperationException(problem))
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>The file path, server database or <c>(in memory)</c>.</summary>
    public string Location { get; }

    /// <summary>What went wrong, in words.</summary>
    public string Problem { get; }
}
