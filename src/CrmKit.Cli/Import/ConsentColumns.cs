namespace CrmKit.Cli;

/// <summary>
/// The <c>consent:CHANNEL</c> columns of a customers CSV. A cell says whether the customer agreed
/// to be contacted on that channel: <c>yes</c>/<c>no</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>
/// or <c>opt-in</c>/<c>opt-out</c>; an empty cell records nothing. Every consent of one import is
/// recorded at the same instant, the import's time on the database's clock.
/// </summary>
internal sealed class ConsentColumns
{
    /// <summary>The prefix of consent columns, matched ignoring case.</summary>
    internal const string Prefix = "consent:";

    private readonly List<(Channel Channel, int Index)> _columns = [];
    private readonly string[] _header;
    private readonly DateTimeOffset _at;

    /// <summary>Checks that each consent column names a valid channel, adding a line-1 problem for each that does not.</summary>
    internal ConsentColumns(ColumnMap map, DateTimeOffset at, List<ImportProblem> headerProblems)
    {
        _header = map.Header;
        _at = at;
        foreach (var (name, index) in map.Named(Prefix))
        {
            try
            {
                _columns.Add((new Channel(name), index));
            }
            catch (CrmValidationException e)
            {
                headerProblems.Add(new ImportProblem(1, map.Header[index],
                    $"'{name}' is not a channel name ({CustomerRows.Strip(e)} Channels are written in lower case, such as consent:sms)."));
            }
        }
    }

    /// <summary>The consents a row records, or null after adding a problem for each bad cell.</summary>
    internal Dictionary<Channel, Consent>? Read(SourceRow row, List<ImportProblem> problems)
    {
        var consents = new Dictionary<Channel, Consent>();
        var ok = true;
        foreach (var (channel, index) in _columns)
        {
            var cell = row.Fields[index].Trim();
            if (cell.Length == 0) continue;
            if (TryParse(cell, out var granted)) consents[channel] = new Consent(granted, _at);
            else
            {
                problems.Add(new ImportProblem(row.Line, _header[index],
                    $"expects a consent (yes/no, true/false, 1/0 or opt-in/opt-out) or an empty cell but got \"{cell}\"."));
                ok = false;
            }
        }
        return ok ? consents : null;
    }

    /// <summary>Reads a consent cell: granted for yes/true/1/opt-in, refused for no/false/0/opt-out, ignoring case.</summary>
    internal static bool TryParse(string cell, out bool granted)
    {
        switch (cell.ToLowerInvariant())
        {
            case "yes" or "true" or "1" or "opt-in": granted = true; return true;
            case "no" or "false" or "0" or "opt-out": granted = false; return true;
            default: granted = false; return false;
        }
    }
}
