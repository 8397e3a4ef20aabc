using System.Text;
using System.Text.Encodings.Web;

namespace CrmKit;

/// <summary>
/// A JSON encoder that leaves every Unicode character as it is (Chinese, Arabic, emoji) and
/// escapes only what JSON requires: quotes, backslashes and control characters. The export is
/// for people and for other systems, not for embedding in HTML.
/// </summary>
internal sealed class UnicodeJsonEncoder : JavaScriptEncoder
{
    internal static readonly UnicodeJsonEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 12; // a surrogate pair as two \uXXXX escapes

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || unicodeScalar is 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || WillEncode(c)) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var text = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when WillEncode(unicodeScalar) || unicodeScalar is >= 0xD800 and <= 0xDFFF => $"\\u{unicodeScalar:X4}",
            _ => new Rune(unicodeScalar).ToString(),
        };
        if (text.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < text.Length; i++) buffer[i] = text[i];
        numberOfCharactersWritten = text.Length;
        return true;
    }
}
