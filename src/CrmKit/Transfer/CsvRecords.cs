using System.Text;

namespace CrmKit;

/// <summary>
/// Reads RFC 4180 records one at a time, each with the line it starts on. A quoted cell may hold
/// commas, quotes (doubled) and line breaks. An unquoted empty cell reads as null (no value) and a
/// quoted one as an empty text, as <see cref="ExportFormat.Csv"/> writes them.
/// </summary>
internal sealed class CsvRecords(TextReader reader, string file)
{
    private int _line = 1;

    /// <summary>One record: its cells and the line it starts on.</summary>
    internal sealed record Record(int Line, IReadOnlyList<string?> Cells);

    /// <summary>The next record, or null at the end.</summary>
    /// <exception cref="CrmValidationException">A quote is left open or stray, or a byte is not valid UTF-8; the field names the file and line.</exception>
    internal Record? Next()
    {
        if (Peek() < 0) return null;
        var start = _line;
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = Read();
            if (c == '"' && cell.Length == 0 && !quoted)
            {
                quoted = true;
                ReadQuoted(cell, start);
                var after = Peek();
                if (after is not (',' or '\r' or '\n' or -1)) throw new CrmValidationException($"{file}(line {_line})", "has text after a closing quote.");
                continue;
            }
            if (c is ',' or '\r' or '\n' or -1)
            {
                cells.Add(quoted || cell.Length > 0 ? cell.ToString() : null);
                cell.Clear();
                quoted = false;
                if (c == ',') continue;
                if (c == '\r' && Peek() == '\n') Read();
                if (c is '\r' or '\n') _line++;
                return new Record(start, cells);
            }
            if (c == '"') throw new CrmValidationException($"{file}(line {_line})", "has a quote inside an unquoted cell.");
            cell.Append((char)c);
        }
    }

    private void ReadQuoted(StringBuilder cell, int start)
    {
        while (true)
        {
            var c = Read();
            if (c < 0) throw new CrmValidationException($"{file}(line {start})", "has a quoted cell that never closes.");
            if (c == '"')
            {
                if (Peek() != '"') return;
                Read();
            }
            else if (c == '\n') _line++;
            cell.Append((char)c);
        }
    }

    private int Read()
    {
        try
        {
            return reader.Read();
        }
        catch (DecoderFallbackException)
        {
            throw new CrmValidationException($"{file}(line {_line})", "is not valid UTF-8.");
        }
    }

    private int Peek()
    {
        try
        {
            return reader.Peek();
        }
        catch (DecoderFallbackException)
        {
            throw new CrmValidationException($"{file}(line {_line})", "is not valid UTF-8.");
        }
    }
}
