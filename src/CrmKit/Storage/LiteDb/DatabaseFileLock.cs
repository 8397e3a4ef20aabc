using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The cross-process lock on a database file, held from open to dispose: one writer, or readers
/// (databases opened read-only, up to <see cref="ReaderSlots"/> processes at once). It lives in a lock
/// file beside the database (<c>crm.db.lock</c> beside <c>crm.db</c>) as byte-range locks, which the
/// operating system drops when the process ends, however it ends; the file itself holds only the
/// id and name of the processes that hold it, for the refusal's message.
/// </summary>
/// <remarks>
/// Byte <see cref="Gate"/> is the writer's gate: a writer takes it first and keeps it, so readers
/// arriving after it wait instead of starving it; a reader holds the gate only while it takes one
/// reader byte. A writer then takes every reader byte at once, which succeeds only when no reader
/// is left. The locked bytes lie past the records, because on Windows a locked range cannot be read
/// by others. Byte-range locks belong to a process on Unix (any handle closed drops them all), so
/// each process keeps one handle per lock file and counts its own readers and writer here.
/// </remarks>
internal sealed class DatabaseFileLock : IDisposable
{
    internal const int ReaderSlots = 64;
    private const int RecordSize = 128;
    private const int WriterRecord = ReaderSlots;
    private const long Gate = 1 << 20;
    private const long FirstReader = Gate + 1;

    /// <summary>Even an open that must not wait rides out another reader passing the gate, which takes microseconds.</summary>
    private static readonly TimeSpan Transit = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private static readonly Dictionary<string, Holder> Holders = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private static readonly string Me = Record(Environment.ProcessId, CurrentProcessName());

    private readonly Holder _holder;
    private readonly bool _shared;
    private bool _released;

    private DatabaseFileLock(Holder holder, bool shared)
    {
        _holder = holder;
        _shared = shared;
    }

    /// <summary>The lock file of the database at <paramref name="path"/>.</summary>
    internal static string LockPathFor(string path) => path + ".lock";

    /// <summary>
    /// Takes the lock on the database at <paramref name="path"/> (a full path), shared for a reader
    /// or exclusive for a writer, waiting up to <paramref name="timeout"/> for those who hold it.
    /// </summary>
    /// <exception cref="DatabaseInUseException">It is still held when the time is up; names a holder when known.</exception>
    /// <exception cref="DatabaseFileException">The lock file cannot be created or opened.</exception>
    internal static DatabaseFileLock Acquire(string path, bool shared, TimeSpan timeout)
    {
        var limit = timeout > Transit ? timeout : Transit;
        var clock = Stopwatch.StartNew();
        Holder holder;
        lock (Holders)
        {
            if (!Holders.TryGetValue(path, out holder!)) Holders[path] = holder = new Holder(path);
        }
        if (!Monitor.TryEnter(holder, limit)) throw new DatabaseInUseException(path, Environment.ProcessId, CurrentProcessName(), clock.Elapsed);
        try
        {
            while (holder.Stream is not null)
            {
                // This process has it open already: readers share, anything else waits for a release.
                if (shared && !holder.Writer)
                {
                    holder.Readers++;
                    return new DatabaseFileLock(holder, shared);
                }
                var left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero) throw new DatabaseInUseException(path, Environment.ProcessId, CurrentProcessName(), clock.Elapsed);
                Monitor.Wait(holder, left < Poll ? left : Poll);
            }
            holder.Take(shared, limit, clock);
            holder.Writer = !shared;
            holder.Readers = shared ? 1 : 0;
            return new DatabaseFileLock(holder, shared);
        }
        finally
        {
            Monitor.Exit(holder);
        }
    }

    /// <summary>Releases this open's share of the lock; the last one out releases it for other processes.</summary>
    public void Dispose()
    {
        lock (_holder)
        {
            if (_released) return;
            _released = true;
            if (_shared) _holder.Readers--;
            else _holder.Writer = false;
            if (_holder.Readers == 0 && !_holder.Writer) _holder.Release();
            Monitor.PulseAll(_holder);
        }
    }

    private static string CurrentProcessName()
    {
        using var process = Process.GetCurrentProcess();
        return process.ProcessName;
    }

    private static string Record(int processId, string name) => string.Create(CultureInfo.InvariantCulture, $"{processId} {name}");

    /// <summary>One process's hold on one lock file.</summary>
    private sealed class Holder(string databasePath)
    {
        internal FileStream? Stream;
        internal int Readers;
        internal bool Writer;
        private long _lockedAt = -1;
        private long _lockedLength;
        private int _record = -1;

        internal void Take(bool shared, TimeSpan limit, Stopwatch clock)
        {
            if (OperatingSystem.IsMacOS())
            {
                Stream = TakeWhole(limit, clock);
                return;
            }
            var stream = OpenLockFile(FileShare.ReadWrite | FileShare.Delete);
            try
            {
                if (shared) TakeReader(stream, limit, clock);
                else TakeWriter(stream, limit, clock);
                Stream = stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        private FileStream OpenLockFile(FileShare share)
        {
            var lockPath = LockPathFor(databasePath);
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, 1, FileOptions.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DatabaseFileException(databasePath, $"cannot be locked: its lock file '{lockPath}' cannot be opened: {e.Message}", e);
            }
        }

        /// <summary>Where byte-range locks are not available (macOS), the whole lock file is locked: one open at a time, readers included.</summary>
        private FileStream TakeWhole(TimeSpan limit, Stopwatch clock)
        {
            while (true)
            {
                try
                {
                    return OpenLockFile(FileShare.None);
                }
                catch (IOException) when (clock.Elapsed < limit)
                {
                    Thread.Sleep(Poll);
                }
                catch (IOException)
                {
                    throw new DatabaseInUseException(databasePath, null, null, clock.Elapsed);
                }
            }
        }

        private void TakeReader(FileStream stream, TimeSpan limit, Stopwatch clock)
        {
            while (true)
            {
                if (TryLock(stream, Gate, 1))
                {
                    var slot = -1;
                    for (var i = 0; i < ReaderSlots && slot < 0; i++)
                        if (TryLock(stream, FirstReader + i, 1)) slot = i;
                    Unlock(stream, Gate, 1);
                    if (slot >= 0)
                    {
                        Hold(stream, FirstReader + slot, 1, slot);
                        return;
                    }
                }
                if (clock.Elapsed >= limit) throw InUse(stream, WriterRecord, clock);
                Thread.Sleep(Poll);
            }
        }

        private void TakeWriter(FileStream stream, TimeSpan limit, Stopwatch clock)
        {
            while (!TryLock(stream, Gate, 1))
            {
                if (clock.Elapsed >= limit) throw InUse(stream, WriterRecord, clock);
                Thread.Sleep(Poll);
            }
            // Named as the writer while waiting for the readers to leave, so readers turned away by the gate know who waits.
            WriteRecord(stream, WriterRecord, Me);
            while (!TryLock(stream, FirstReader, ReaderSlots))
            {
                if (clock.Elapsed >= limit)
                {
                    var reader = FirstHeldReader(stream);
                    WriteRecord(stream, WriterRecord, "");
                    Unlock(stream, Gate, 1);
                    throw InUse(stream, reader, clock);
                }
                Thread.Sleep(Poll);
            }
            // The gate stays locked with the readers' bytes; both are released together.
            Hold(stream, Gate, ReaderSlots + 1, WriterRecord);
        }

        private void Hold(FileStream stream, long at, long length, int record)
        {
            _lockedAt = at;
            _lockedLength = length;
            _record = record;
            WriteRecord(stream, record, Me);
        }

        internal void Release()
        {
            if (Stream is not { } stream) return;
            try
            {
                if (_record >= 0) WriteRecord(stream, _record, "");
                if (_lockedAt == Gate)
                {
                    Unlock(stream, FirstReader, ReaderSlots);
                    Unlock(stream, Gate, 1);
                }
                else Unlock(stream, _lockedAt, _lockedLength);
            }
            catch (IOException)
            {
                // Closing the handle below drops the locks anyway.
            }
            finally
            {
                stream.Dispose();
                Stream = null;
                _lockedAt = -1;
                _record = -1;
            }
        }

        private static int FirstHeldReader(FileStream stream)
        {
            for (var i = 0; i < ReaderSlots; i++)
            {
                if (!TryLock(stream, FirstReader + i, 1)) return i;
                Unlock(stream, FirstReader + i, 1);
            }
            return -1;
        }

        private DatabaseInUseException InUse(FileStream stream, int record, Stopwatch clock)
        {
            var text = record < 0 ? "" : ReadRecord(stream, record);
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            int? id = space > 0 && int.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
            return new DatabaseInUseException(databasePath, id, id is null ? null : text[(space + 1)..], clock.Elapsed);
        }

        private static bool TryLock(FileStream stream, long at, long length)
        {
            if (OperatingSystem.IsMacOS()) return false;
            try
            {
                stream.Lock(at, length);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private static void Unlock(FileStream stream, long at, long length)
        {
            if (!OperatingSystem.IsMacOS()) stream.Unlock(at, length);
        }

        private static void WriteRecord(FileStream stream, int record, string text)
        {
            var bytes = new byte[RecordSize];
            Encoding.UTF8.GetBytes(text.Length > RecordSize / 2 ? text[..(RecordSize / 2)] : text, bytes);
            stream.Position = (long)record * RecordSize;
            stream.Write(bytes);
            stream.Flush();
        }

        private static string ReadRecord(FileStream stream, int record)
        {
            var bytes = new byte[RecordSize];
            stream.Position = (long)record * RecordSize;
            var read = stream.ReadAtLeast(bytes, RecordSize, throwOnEndOfStream: false);
            var end = Array.IndexOf(bytes, (byte)0, 0, read);
            return Encoding.UTF8.GetString(bytes, 0, end < 0 ? read : end);
        }
    }
}
