namespace CrmKit;

/// <summary>The file format of a bulk export (<see cref="BulkTransfer"/>).</summary>
public enum ExportFormat
{
    /// <summary>JSON Lines (<c>.jsonl</c>): one JSON object per line, UTF-8, nested values (attributes, contact points, metadata) as JSON.</summary>
    JsonLines,

    /// <summary>
    /// CSV (<c>.csv</c>, RFC 4180, UTF-8): one column per field, a header line first; cells that hold
    /// several values (attributes, contact points, consents, metadata) hold them as JSON. An empty
    /// cell is no value; an empty text is written <c>""</c>.
    /// </summary>
    Csv,
}
