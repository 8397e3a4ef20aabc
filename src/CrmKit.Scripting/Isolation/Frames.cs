using System.Buffers.Binary;

namespace CrmKit.Scripting;

/// <summary>What the host asks a script worker; the first byte of every request frame.</summary>
internal enum WorkerOp : byte
{
    /// <summary>Check a source: kind, path, source → diagnostics.</summary>
    Check = 1,

    /// <summary>Check and emit a source: kind, path, source, key → diagnostics and, when accepted, the image.</summary>
    Compile = 2,

    /// <summary>Load an image under an id: id, kind, path, time budget, memory budget, image → nothing.</summary>
    Load = 3,

    /// <summary>Evaluate a loaded script over customers: id, now, parameters, customers → one result each.</summary>
    Evaluate = 4,
}

/// <summary>
/// Length-prefixed frames over a stream: a 4-byte little-endian length, then that many bytes. The
/// host writes requests to the worker's standard input; the worker answers on its standard output.
/// </summary>
internal static class Frames
{
    /// <summary>The largest frame either side accepts (a batch of customers fits many times over).</summary>
    internal const int MaxLength = 512 * 1024 * 1024;

    internal static void Write(Stream stream, MemoryStream frame)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, checked((int)frame.Length));
        stream.Write(length);
        stream.Write(frame.GetBuffer(), 0, (int)frame.Length);
        stream.Flush();
    }

    /// <summary>The next frame, or null when the stream ended (the other side went away).</summary>
    internal static byte[]? Read(Stream stream)
    {
        var length = new byte[4];
        if (!Fill(stream, length)) return null;
        var size = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (size is < 0 or > MaxLength) throw new InvalidDataException($"A frame of {size} bytes is out of range.");
        var frame = new byte[size];
        return Fill(stream, frame) ? frame : null;
    }

    private static bool Fill(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }
}
