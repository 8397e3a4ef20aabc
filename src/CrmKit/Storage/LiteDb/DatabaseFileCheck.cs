using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Looks at a file's first page before LiteDB is let near it. LiteDB treats a file smaller than a
/// page as a new database and writes one over it, and it reads past the end of a file that was cut
/// short, so anything that is not a whole LiteDB data file is refused here, by reading only.
/// </summary>
/// <remarks>
/// A plain LiteDB 5 data file starts with its header page: page id 0, page type 1, the text
/// <c>** This is a LiteDB file **</c> at byte 32, file version 8 at byte 59 and the id of the last
/// page at byte 64. An encrypted file starts with the byte 1 and a salt, and its pages follow one
/// page of that header; its content can only be checked by opening it with the password.
/// </remarks>
internal static class DatabaseFileCheck
{
    internal const int PageSize = 8192;
    private const int InfoOffset = 32;
    private const int VersionOffset = 59;
    private const int LastPageOffset = 64;
    private const byte FileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>The log file LiteDB keeps beside a data file: <c>crm-log.db</c> beside <c>crm.db</c>.</summary>
    internal static string LogPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    /// <summary>
    /// Refuses, without writing, a file that cannot be a whole CrmKit database.
    /// </summary>
    /// <exception cref="DatabaseFileException">The file is empty, smaller than a page, not a LiteDB data file, cut short, or encrypted when no password was given (or the other way round).</exception>
    internal static void Check(string path, bool passwordGiven)
    {
        long length;
        var head = new byte[LastPageOffset + 4];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            length = file.Length;
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseFileException(path, $"cannot be read: {e.Message}", e);
        }
        if (length == 0) throw new DatabaseFileException(path, "is empty: it is not a CrmKit database. Create one with 'crmkit init' or CrmOptions.CreateIfMissing, or restore the file from a backup.");
        if (read < head.Length || head[0] > 1 || (head[0] == 0 && !IsPlainHeader(head)))
            throw new DatabaseFileException(path, $"is not a CrmKit database: it does not start with a LiteDB header ({Size(length)}).");
        if (length < PageSize || length % PageSize != 0)
            throw new DatabaseFileException(path, $"is cut short or damaged: it holds {Size(length)}, which is not a whole number of {PageSize}-byte pages.");
        if (head[0] == 1)
        {
            if (!passwordGiven) throw new DatabaseFileException(path, "is encrypted: give the password it was created with.");
            if (length < 2 * PageSize) throw new DatabaseFileException(path, $"is cut short: an encrypted database holds at least two pages, this file {Size(length)}.");
            return;
        }
        if (passwordGiven) throw new DatabaseFileException(path, "is not encrypted, but a password was given: open it without one.");
        var pages = (long)BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(LastPageOffset)) + 1;
        // Until a checkpoint, new pages may live only in the log file; without a log, every page the header counts is in the file.
        if (!File.Exists(LogPathFor(path)) && pages * PageSize > length)
            throw new DatabaseFileException(path, string.Create(CultureInfo.InvariantCulture,
                $"is cut short: its header counts {pages} pages of {PageSize} bytes, but the file holds {length / PageSize}."));
    }

    private static bool IsPlainHeader(byte[] head) =>
        head[1] == 0 && head[2] == 0 && head[3] == 0 && head[4] == 1
        && head.AsSpan(InfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo)
        && head[VersionOffset] == FileVersion;

    private static string Size(long length) => string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes");
}
