using System.Globalization;
using System.Text;

namespace CrmKit.Cli;

/// <summary>
/// Makes text that came from data safe to show on a terminal. Names, notes, occasion keys, actors
/// and error messages can hold anything an import or a caller put there, including escape
/// sequences that would move the cursor, retitle the window or hide what follows, and text that
/// reverses its direction. Such characters are shown as visible escapes (<c>\u001B</c>), and very
/// long values are cut short with a note of how much was left out.
/// </summary>
internal static class Printable
{
    /// <summary>How much of one table cell is shown.</summary>
    internal const int CellLimit = 200;

    /// <summary>How much of one message is shown.</summary>
    internal const int MessageLimit = 2_000;

    /// <summary>A table cell: escaped, and cut after <see cref="CellLimit"/> characters.</summary>
    internal static string Cell(string? text) => Escape(text ?? "", CellLimit);

    /// <summary>A table cell for Spectre markup: escaped as <see cref="Cell"/>, then its markup brackets escaped.</summary>
    internal static string Markup(string? text) => Spectre.Console.Markup.Escape(Cell(text));

    /// <summary>A whole message or line: escaped but for its line breaks, and cut after <see cref="MessageLimit"/> characters.</summary>
    internal static string Message(string text) => Escape(text, MessageLimit, keepLineBreaks: true);

    /// <summary>True when <paramref name="c"/> must not reach a terminal raw.</summary>
    internal static bool IsUnsafe(char c) =>
        char.IsControl(c)
        // Joiners are format characters too, but they only join what is shown (emoji, Persian, Hindi).
        || c is not ('\u200C' or '\u200D')
            && char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Escape(string text, int limit, bool keepLineBreaks = false)
    {
        var cut = text.Length > limit;
        var shown = cut ? text.AsSpan(0, limit) : text.AsSpan();
        if (cut && char.IsHighSurrogate(shown[^1])) shown = shown[..^1];
        var safe = true;
        foreach (var c in shown)
        {
            if (IsUnsafe(c) && !(keepLineBreaks && c == '\n')) { safe = false; break; }
        }
        if (safe && !cut) return text;

        var builder = new StringBuilder(shown.Length + 16);
        foreach (var c in shown)
        {
            if (keepLineBreaks && c == '\n') builder.Append(c);
            else if (c == '\t') builder.Append("\\t");
            else if (c == '\r' || c == '\n') builder.Append(c == '\r' ? "\\r" : "\\n");
            else if (IsUnsafe(c)) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        if (cut) builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length - shown.Length:N0} more characters)");
        return builder.ToString();
    }
}
