namespace CrmKit.Cli;

/// <summary>
/// Turns rows of an interactions CSV into interactions: parses every cell by its column, checks
/// that the customer exists, then checks the interaction as the database would.
/// </summary>
internal sealed class InteractionRows : IRowConverter<Interaction>
{
    internal static readonly string[] Columns = ["customer", "kind", "channel", "occurred-at", "amount", "outcome", "notes", "staff"];
    private static readonly string[] Required = ["customer", "kind", "channel", "occurred-at"];

    private readonly CrmDatabase _crm;
    private readonly ColumnMap _columns;
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    internal InteractionRows(CrmDatabase crm, string[] header, List<ImportProblem> headerProblems)
    {
        _crm = crm;
        _columns = ColumnMap.Create(header, Columns, Required, [("meta:", "key")], headerProblems);
    }

    public Interaction? Convert(SourceRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Fail(string column, string message) => problems.Add(new ImportProblem(row.Line, column, message));
        T Parse<T>(string column, Func<string, T> make)
        {
            try
            {
                return make(_columns.Cell(row, column));
            }
            catch (CrmValidationException e)
            {
                Fail(_columns.ColumnName(column), CustomerRows.Strip(e));
                return default!;
            }
        }

        var customer = Parse("customer", text => new CustomerCode(text));
        if (customer != default && !Exists(customer)) Fail(_columns.ColumnName("customer"), $"no customer has code '{customer}'.");
        var kind = Parse("kind", text => new InteractionKind(text));
        var channel = Parse("channel", text => new Channel(text));

        DateTimeOffset occurredAt = default;
        if (!CellParser.TryInstant(_columns.Cell(row, "occurred-at"), out occurredAt, out var instantError))
            Fail(_columns.ColumnName("occurred-at"), instantError);

        decimal? amount = null;
        var amountText = _columns.Cell(row, "amount");
        if (amountText.Length > 0)
        {
            if (CellParser.TryDecimal(amountText, out var value, out var error)) amount = value;
            else Fail(_columns.ColumnName("amount"), error);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, index) in _columns.Prefixed)
        {
            var cell = row.Fields[index].Trim();
            if (cell.Length > 0) metadata[key] = cell;
        }

        if (problems.Count > before) return null;
        var interaction = new Interaction(customer, kind, channel, occurredAt)
        {
            Amount = amount,
            Outcome = Optional(_columns.Cell(row, "outcome")),
            Notes = Optional(_columns.Cell(row, "notes")),
            Staff = Optional(_columns.Cell(row, "staff")),
            Metadata = metadata,
        };
        try
        {
            _crm.Interactions.Validate(interaction);
            return interaction;
        }
        catch (CrmValidationException e)
        {
            Fail(ColumnOf(e.Field), CustomerRows.Strip(e));
            return null;
        }
    }

    private bool Exists(CustomerCode code)
    {
        if (!_known.TryGetValue(code.Value, out var exists))
            _known[code.Value] = exists = _crm.Customers.Find(code) is not null;
        return exists;
    }

    private string ColumnOf(string field)
    {
        if (field.StartsWith("metadata.", StringComparison.Ordinal))
        {
            var key = field["metadata.".Length..];
            var match = _columns.Prefixed.FirstOrDefault(p => p.Name == key);
            return match.Name is null ? "meta:" + key : _columns.Header[match.Index];
        }
        if (field == "metadata key") return "meta:";
        return _columns.ColumnName(field == "occurredAt" ? "occurred-at" : field);
    }

    private static string? Optional(string cell) => cell.Length == 0 ? null : cell;
}
