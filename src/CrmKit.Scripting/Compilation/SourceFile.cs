using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Unicode;

namespace CrmKit.Scripting;

/// <summary>
/// Reads a script file as text: UTF-8, or UTF-16 when it starts with that byte-order mark, decoded
/// strictly. A byte that is not valid in the encoding rejects the file with its line and column
/// (<c>CRM0017</c>) instead of turning into a replacement character that a string comparison would
/// silently never match.
/// </summary>
internal static class SourceFile
{
    internal static string Read(string path, int maxLength)
    {
        // Enough bytes for one character past the limit in any encoding accepted, and the mark.
        var limit = (maxLength + 2) * 4;
        var bytes = new byte[limit];
        var read = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan))
        {
            while (read < limit)
            {
                var n = stream.Read(bytes, read, limit - read);
                if (n == 0) break;
                read += n;
            }
        }
        // A file cut at the limit may end inside a character: that one is left out, not refused.
        var whole = read < limit;
        ReadOnlySpan<byte> all = bytes.AsSpan(0, read);
        var text = all switch
        {
            [0xFF, 0xFE, ..] => FromUtf16(path, all[2..], bigEndian: false, whole),
            [0xFE, 0xFF, ..] => FromUtf16(path, all[2..], bigEndian: true, whole),
            [0xEF, 0xBB, 0xBF, ..] => FromUtf8(path, all[3..], whole),
            _ => FromUtf8(path, all, whole),
        };
        return text.Length > maxLength + 1 ? text[..(maxLength + 1)] : text;
    }

    private static string FromUtf8(string path, ReadOnlySpan<byte> bytes, bool whole)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var used, out var written, replaceInvalidSequences: false, isFinalBlock: whole);
        if (status == OperationStatus.InvalidData)
            throw Invalid(path, "UTF-8", chars.AsSpan(0, written), string.Create(CultureInfo.InvariantCulture, $"the byte 0x{bytes[used]:X2}"));
        return new string(chars, 0, written);
    }

    private static string FromUtf16(string path, ReadOnlySpan<byte> bytes, bool bigEndian, bool whole)
    {
        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var unit = bytes.Slice(2 * i, 2);
            chars[i] = (char)(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(unit) : BinaryPrimitives.ReadUInt16LittleEndian(unit));
        }
        var count = chars.Length;
        for (var i = 0; i < count; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < count && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsHighSurrogate(chars[i]) && i + 1 == count && !whole) count = i;
            else if (char.IsSurrogate(chars[i]))
                throw Invalid(path, "UTF-16", chars.AsSpan(0, i), string.Create(CultureInfo.InvariantCulture, $"the unpaired surrogate U+{(int)chars[i]:X4}"));
        }
        if (whole && bytes.Length % 2 == 1) throw Invalid(path, "UTF-16", chars.AsSpan(0, count), "the odd byte at the end");
        return new string(chars, 0, count);
    }

    private static ScriptCompilationException Invalid(string path, string encoding, ReadOnlySpan<char> before, string what)
    {
        var line = 1 + before.Count('\n');
        var column = 1 + before.Length - (before.LastIndexOf('\n') + 1);
        var diagnostic = new ScriptDiagnostic(path, line, column, ScriptSeverity.Error, SandboxRule.Encoding,
            $"The file is not valid {encoding}: {what} does not make a character. Save the script as UTF-8.");
        return new ScriptCompilationException(new ScriptCheckResult(path, ScriptKind.Segment, [diagnostic]));
    }
}
