namespace CrmKit.Tests;

/// <summary>
/// One database on a database server, for a <see cref="TestDatabase"/>: it outlives the
/// <see cref="CrmDatabase"/> opened on it, so a test can close and open it again, and its raw
/// content can be searched byte by byte.
/// </summary>
public interface IServerStore : IDisposable
{
    /// <summary>Opens the database; called again, it opens the same data.</summary>
    CrmDatabase Open(CrmOptions options);

    /// <summary>Everything the server keeps for the database, as the server's own dump gives it.</summary>
    byte[] RawContent();
}
