using System.Text.Encodings.Web;

namespace CrmKit.Reports.Html;

/// <summary>A table of a report: text and number columns, rows of cells already formatted, escaped when written.</summary>
internal sealed class HtmlTable
{
    private readonly List<(string Header, bool Number)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>A table whose first columns hold text.</summary>
    internal HtmlTable(params string[] texts) => Texts(texts);

    internal HtmlTable Texts(params string[] headers)
    {
        _columns.AddRange(headers.Select(h => (h, false)));
        return this;
    }

    /// <summary>Adds right-aligned columns of figures.</summary>
    internal HtmlTable Numbers(params string[] headers)
    {
        _columns.AddRange(headers.Select(h => (h, true)));
        return this;
    }

    internal int RowCount => _rows.Count;

    /// <summary>Adds every row of <paramref name="rows"/>.</summary>
    internal HtmlTable RowsOf(IEnumerable<string[]> rows)
    {
        foreach (var row in rows) Row(row);
        return this;
    }

    /// <summary>Adds a row, one cell per column.</summary>
    /// <exception cref="ArgumentException">The row has another number of cells.</exception>
    internal HtmlTable Row(params string[] cells)
    {
        if (cells.Length != _columns.Count) throw new ArgumentException($"A row of {cells.Length} cells in a table of {_columns.Count} columns.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    internal void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<table><thead><tr>");
        foreach (var (header, number) in _columns)
        {
            writer.Write(number ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">");
            encoder.Encode(writer, header);
            writer.Write("</th>");
        }
        writer.Write("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            writer.Write("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                writer.Write(_columns[i].Number ? "<td class=\"num\">" : "<td>");
                encoder.Encode(writer, row[i]);
                writer.Write("</td>");
            }
            writer.Write("</tr>");
        }
        writer.WriteLine("</tbody></table>");
    }
}
