namespace CrmKit;

/// <summary>
/// Bulk export and restore of the whole base: customers, interactions, stage and grade history,
/// claims, care tasks, segments with their members, and the identity map, one file per table
/// (<see cref="TransferSummary.Tables"/>) as JSON Lines or CSV. An export streams in bounded
/// memory and gives the same bytes for the same base; restoring it into a fresh database gives the
/// same base, so exporting that again gives the same bytes. Not exported: the history of segment
/// refreshes (a restored member entered at its <c>since</c>), merge aliases and history, kept
/// values, cases, campaigns, value fits and erasure records. Thread-safe.
/// </summary>
public sealed class BulkTransfer
{
    private readonly CrmContext _context;

    internal BulkTransfer(CrmContext context) => _context = context;

    /// <summary>
    /// Writes every table to a file in <paramref name="folder"/> (created when missing). Each file is
    /// written beside its target and moved into place once the whole export is written, so a failed
    /// or cancelled export leaves no table behind.
    /// </summary>
    /// <param name="folder">Where the files go.</param>
    /// <param name="format">JSON Lines or CSV.</param>
    /// <param name="overwrite">Replace files of an earlier export; without it an existing file is refused before anything is written.</param>
    /// <exception cref="CrmValidationException">A target file exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public TransferSummary Export(string folder, ExportFormat format, bool overwrite = false) => ExportAsync(folder, format, overwrite).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Export(string, ExportFormat, bool)"/>; cancelling leaves no file behind.</summary>
    /// <exception cref="CrmValidationException">A target file exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no file was written.</exception>
    public async Task<TransferSummary> ExportAsync(string folder, ExportFormat format, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var targets = TransferTable.All.ToDictionary(t => t, t => Path.Combine(Path.GetFullPath(folder), t.FileName(format)));
        foreach (var target in targets.Values.Where(File.Exists))
        {
            if (!overwrite) throw new CrmValidationException("folder", $"'{target}' exists; export with overwrite to replace it.");
        }
        Directory.CreateDirectory(folder);
        var temporary = targets.ToDictionary(t => t.Key, t => Path.Combine(Path.GetDirectoryName(t.Value)!, $".{Path.GetFileName(t.Value)}.{Guid.NewGuid():N}.tmp"));
        try
        {
            var summary = await ExportAsync(t => new FileStream(temporary[t], FileMode.CreateNew, FileAccess.Write, FileShare.None), format, cancellationToken).ConfigureAwait(false);
            foreach (var (table, path) in temporary) File.Move(path, targets[table], overwrite);
            return summary;
        }
        finally
        {
            foreach (var path in temporary.Values.Where(File.Exists)) File.Delete(path);
        }
    }

    /// <summary>
    /// Writes every table to the stream <paramref name="create"/> gives for its file name
    /// (<c>customers.jsonl</c>, …), for a host that keeps exports elsewhere; the streams are
    /// disposed when their table is written.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the streams hold part of the export.</exception>
    public Task<TransferSummary> ExportAsync(Func<string, Stream> create, ExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        return ExportAsync(t => create(t.FileName(format)), format, cancellationToken).AsTask();
    }

    private async ValueTask<TransferSummary> ExportAsync(Func<TransferTable, Stream> create, ExportFormat format, CancellationToken ct)
    {
        var rows = await _context.Read((s, c) => BaseExporter.ExportAsync(s, t => RowSink.Open(t, create(t), format), c), ct).ConfigureAwait(false);
        return new TransferSummary(format, rows);
    }

    /// <summary>
    /// Restores an export from <paramref name="folder"/> (its format read from the file names) into
    /// this database, which must be empty, in one transaction: every row or none. A missing table
    /// file is an empty table.
    /// </summary>
    /// <exception cref="CrmValidationException">
    /// The database is not empty, the folder holds no export or both formats, or a row is not valid;
    /// the field names the file, line and column (<c>customers.csv(line 7) attributes.age</c>). Nothing was written.
    /// </exception>
    public TransferSummary Restore(string folder) => RestoreAsync(folder).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Restore(string)"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">As <see cref="Restore(string)"/>; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<TransferSummary> RestoreAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var formats = Enum.GetValues<ExportFormat>().Where(f => File.Exists(Path.Combine(folder, TransferTable.Customers.FileName(f)))).ToArray();
        if (formats.Length != 1)
        {
            throw new CrmValidationException("folder", formats.Length == 0
                ? $"'{folder}' holds no export (no customers.jsonl or customers.csv)."
                : $"'{folder}' holds both a JSON Lines and a CSV export; keep one.");
        }
        return RestoreAsync(name => File.Exists(Path.Combine(folder, name)) ? File.OpenRead(Path.Combine(folder, name)) : null, formats[0], cancellationToken);
    }

    /// <summary>
    /// Restores an export from the streams <paramref name="open"/> gives for each file name (null for
    /// a table the export lacks) into this database, which must be empty, in one transaction.
    /// </summary>
    /// <exception cref="CrmValidationException">As <see cref="Restore(string)"/>; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public async Task<TransferSummary> RestoreAsync(Func<string, Stream?> open, ExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        IEnumerable<RowFields>? Rows(TransferTable table)
        {
            var name = table.FileName(format);
            return open(name) is { } stream ? RowSource.Read(table, stream, format, name).Select(r => new RowFields(r.Row, name, r.Line)) : null;
        }
        var rows = await _context.Write((s, c) => new BaseRestorer(_context).RestoreAsync(s, Rows, c), cancellationToken).ConfigureAwait(false);
        return new TransferSummary(format, rows);
    }
}
