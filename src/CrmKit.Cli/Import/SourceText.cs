using System.Text;

namespace CrmKit.Cli;

/// <summary>
/// Reads an input file as text in a known encoding, refusing bytes that the encoding does not
/// allow instead of turning them into replacement characters. A byte-order mark names the
/// encoding when there is one (UTF-8, UTF-16 little- or big-endian, UTF-32); otherwise the file is
/// UTF-8 unless <c>--encoding</c> says otherwise (for example <c>gb18030</c>, <c>gbk</c>,
/// <c>big5</c>, <c>utf-16</c>, <c>shift_jis</c>, <c>windows-1252</c>).
/// </summary>
internal static class SourceText
{
    static SourceText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encodings a user is most likely to need, for messages.</summary>
    internal const string Examples = "utf-8, utf-16, utf-16be, gb18030, gbk, big5, shift_jis, windows-1252";

    /// <summary>The encoding called <paramref name="name"/>, strict: an invalid byte throws instead of decoding to U+FFFD.</summary>
    /// <exception cref="CommandFailure">No encoding has that name.</exception>
    internal static Encoding Named(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new CommandFailure(CrmKitCli.UsageError, $"--encoding: '{Printable.Cell(name)}' is not an encoding this machine knows; try one of {Examples}.");
        }
    }

    /// <summary>Reads all of <paramref name="path"/> as text.</summary>
    /// <param name="path">The file.</param>
    /// <param name="encodingName">The encoding the user named, or null for a byte-order mark or else UTF-8.</param>
    /// <param name="displayName">How messages name the file.</param>
    /// <exception cref="CommandFailure">A byte is not valid in the encoding (the message gives its line and column), or the mark and the named encoding disagree.</exception>
    internal static string Read(string path, string? encodingName, string displayName)
    {
        var bytes = File.ReadAllBytes(path);
        var (marked, markLength) = ByteOrderMark(bytes);
        var named = encodingName is null ? null : Named(encodingName);
        if (marked is not null && named is not null && named.CodePage != marked.CodePage
            && !(named.CodePage == Encoding.UTF8.CodePage && markLength == 3))
        {
            throw new CommandFailure(CrmKitCli.Problems,
                $"{displayName}: error: the file starts with a {marked.WebName} byte-order mark but --encoding says {named.WebName}; drop --encoding or fix the file.");
        }
        var encoding = marked ?? named ?? Named("utf-8");
        // Errors name the encoding as the user did ("gbk"), not by the runtime's name for it ("gb2312").
        var label = marked is null && encodingName is not null ? Printable.Cell(encodingName.Trim()) : encoding.WebName;
        return Decode(bytes.AsSpan(markLength), encoding, label, displayName);
    }

    private static (Encoding? Encoding, int Length) ByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Named("utf-8"), 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (Named("utf-32"), 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (Named("utf-32BE"), 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Named("utf-16"), 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Named("utf-16BE"), 2);
        return (null, 0);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string label, string displayName)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            // Decode again up to the bad byte, leniently, to say where it is as a person counts:
            // the line, and the character within it.
            var at = Math.Clamp(e.Index < 0 ? 0 : e.Index, 0, bytes.Length);
            var before = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
                .GetString(bytes[..at]);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] != '\n') continue;
                line++;
                lineStart = i + 1;
            }
            var column = before.Length - lineStart + 1;
            var shown = string.Join(" ", (e.BytesUnknown ?? []).Take(4).Select(b => $"0x{b:X2}"));
            var hint = encoding.CodePage == Encoding.UTF8.CodePage
                ? $" If the file is in another encoding, name it with --encoding ({Examples})."
                : "";
            throw new CommandFailure(CrmKitCli.Problems,
                $"{displayName}(line {line}, column {column}): error: byte(s) {shown} are not valid {label}.{hint}");
        }
    }
}
