namespace CrmKit.Cli;

/// <summary>
/// Turns rows of a customers CSV into source records: parses every cell by its column (attribute
/// columns by the schema, consent columns as yes/no, the stage by the stage model), then checks
/// the customer as the database would, against the keys earlier in the file and, unless the
/// import updates, the codes already stored.
/// </summary>
internal sealed class CustomerRows : IRowConverter<SourceRecord>
{
    internal static readonly string[] Columns = ["code", "name", "tags", "owner", "grade", "email", "phone", "birthday", "time-zone", "source-id", "stage"];

    private readonly CrmDatabase _crm;
    private readonly CustomerImport _import;
    private readonly ColumnMap _columns;
    private readonly ConsentColumns _consents;
    private readonly Dictionary<string, int> _keyLines = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceRecord, int> _lines = new(ReferenceEqualityComparer.Instance);

    internal CustomerRows(CrmDatabase crm, CustomerImport import, string[] header, List<ImportProblem> headerProblems)
    {
        _crm = crm;
        _import = import;
        string[] required = import.Key == SyncKey.Code ? ["code", "name"] : ["source-id", "name"];
        _columns = ColumnMap.Create(header, Columns, required, [("attr:", "name"), (ConsentColumns.Prefix, "channel")], headerProblems);
        if (import.Key == SyncKey.Code && import.System is null && _columns.Has("source-id"))
            headerProblems.Add(new ImportProblem(1, _columns.ColumnName("source-id"), "needs --system, the source system the identifiers belong to."));
        _consents = new ConsentColumns(_columns, crm.Options.TimeProvider.GetUtcNow(), headerProblems);
        var schema = crm.Options.Attributes.Attributes;
        foreach (var (name, index) in _columns.Prefixed)
        {
            if (!schema.ContainsKey(name))
            {
                var declared = schema.Count == 0 ? "none" : string.Join(", ", schema.Keys.Order(StringComparer.Ordinal));
                headerProblems.Add(new ImportProblem(1, header[index], $"attribute '{name}' is not declared in the database's settings (declared: {declared})."));
            }
        }
    }

    public SourceRecord? Convert(SourceRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Fail(string column, string message) => problems.Add(new ImportProblem(row.Line, column, message));

        var codeText = _columns.Cell(row, "code");
        var name = _columns.Cell(row, "name");
        CustomerCode code = default;
        // Keyed by source identifier, a row may leave the code to be made from the system and identifier.
        if (codeText.Length > 0 || _import.Key == SyncKey.Code)
        {
            try
            {
                code = new CustomerCode(codeText);
            }
            catch (CrmValidationException e)
            {
                Fail(_columns.ColumnName("code"), Strip(e));
            }
        }
        var sourceId = Optional(_columns.Cell(row, "source-id"));
        if (sourceId is null && _import.Key == SyncKey.SourceId) Fail(_columns.ColumnName("source-id"), "is required but was empty.");
        else if (sourceId is { Length: > 200 }) Fail(_columns.ColumnName("source-id"), $"is {sourceId.Length} characters long; at most 200 are allowed.");
        var (keyColumn, key) = _import.Key == SyncKey.Code ? ("code", code == default ? null : code.Value) : ("source-id", sourceId);
        if (key is not null)
        {
            if (_keyLines.TryGetValue(key, out var first)) Fail(_columns.ColumnName(keyColumn), $"'{key}' is also the {keyColumn} on line {first}.");
            else
            {
                _keyLines[key] = row.Line;
                if (!_import.Update && _import.Key == SyncKey.Code && _crm.Customers.Find(code) is not null)
                    Fail(_columns.ColumnName("code"), $"a customer with code '{code}' already exists (import with --update to update it).");
            }
        }

        StageId? stage = null;
        if (Optional(_columns.Cell(row, "stage")) is { } stageText)
        {
            var model = _crm.Lifecycle.Model;
            if (model.Stages.Any(s => s.Name == stageText)) stage = new StageId(stageText);
            else Fail(_columns.ColumnName("stage"), $"'{stageText}' is not a stage of the model ({string.Join(", ", model.Stages)}).");
        }

        var contactColumns = new List<string>();
        var contacts = new List<ContactPoint>();
        foreach (var kind in new[] { "email", "phone" })
        {
            foreach (var value in CellParser.List(_columns.Cell(row, kind)))
            {
                contacts.Add(new ContactPoint(kind, value));
                contactColumns.Add(_columns.ColumnName(kind));
            }
        }

        DateOnly? birthday = null;
        var birthdayText = _columns.Cell(row, "birthday");
        if (birthdayText.Length > 0)
        {
            if (CellParser.TryDate(birthdayText, out var date, out var error)) birthday = date;
            else Fail(_columns.ColumnName("birthday"), error);
        }

        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var schema = _crm.Options.Attributes.Attributes;
        foreach (var (attribute, index) in _columns.Prefixed)
        {
            var cell = row.Fields[index].Trim();
            if (cell.Length == 0 || !schema.TryGetValue(attribute, out var type)) continue;
            try
            {
                if (CellParser.TryAttribute(type, cell, out var value, out var error)) attributes[attribute] = value!;
                else Fail(_columns.Header[index], error);
            }
            catch (CrmValidationException e)
            {
                Fail(_columns.Header[index], Strip(e));
            }
        }

        var consents = _consents.Read(row, problems);

        if (problems.Count > before || consents is null) return null;
        var customer = new Customer(code, name)
        {
            Tags = CellParser.List(_columns.Cell(row, "tags")),
            Owner = Optional(_columns.Cell(row, "owner")),
            Grade = Optional(_columns.Cell(row, "grade")),
            ContactPoints = contacts,
            Birthday = birthday,
            TimeZone = Optional(_columns.Cell(row, "time-zone")),
            Attributes = attributes,
            Consents = consents,
        };
        try
        {
            // A code still to be made is checked as a placeholder: the rest of the row is what can be wrong.
            _crm.Customers.Validate(code == default ? customer with { Code = "unassigned" } : customer);
            var record = sourceId is null ? new SourceRecord(customer) : new SourceRecord(sourceId, customer);
            record = record with { Stage = stage };
            _lines[record] = row.Line;
            return record;
        }
        catch (CrmValidationException e)
        {
            Fail(ColumnOf(e.Field, contactColumns), Strip(e));
            return null;
        }
    }

    /// <summary>The line a record came from.</summary>
    internal int LineOf(SourceRecord record) => _lines[record];

    /// <summary>The column a record's field is read from, for an error the database found.</summary>
    internal string ColumnOf(string field) => field switch
    {
        "sourceId" => _columns.ColumnName("source-id"),
        "stage" => _columns.ColumnName("stage"),
        _ => ColumnOf(field, []),
    };

    private string ColumnOf(string field, List<string> contactColumns)
    {
        if (field.StartsWith("attributes.", StringComparison.Ordinal))
        {
            var name = field["attributes.".Length..];
            var match = _columns.Prefixed.FirstOrDefault(p => p.Name == name);
            return match.Name is null ? "attr:" + name : _columns.Header[match.Index];
        }
        if (field.StartsWith("contactPoints[", StringComparison.Ordinal))
        {
            var index = int.Parse(field["contactPoints[".Length..field.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
            return index < contactColumns.Count ? contactColumns[index] : "email/phone";
        }
        if (field.StartsWith("tags", StringComparison.Ordinal)) return _columns.ColumnName("tags");
        return _columns.ColumnName(field == "timeZone" ? "time-zone" : field);
    }

    private static string? Optional(string cell) => cell.Length == 0 ? null : cell;

    /// <summary>What was wrong, without the core's field name; the column names it instead.</summary>
    internal static string Strip(CrmValidationException e) => e.Reason;
}
