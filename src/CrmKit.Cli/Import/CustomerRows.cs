namespace CrmKit.Cli;

/// <summary>
/// Turns rows of a customers CSV into customers: parses every cell by its column (attribute
/// columns by the schema, consent columns as yes/no), then checks the customer as the database
/// would, against the codes already stored and those earlier in the file.
/// </summary>
internal sealed class CustomerRows : IRowConverter<Customer>
{
    internal static readonly string[] Columns = ["code", "name", "tags", "owner", "grade", "email", "phone", "birthday", "time-zone"];
    private static readonly string[] Required = ["code", "name"];

    private readonly CrmDatabase _crm;
    private readonly ColumnMap _columns;
    private readonly ConsentColumns _consents;
    private readonly Dictionary<string, int> _codeLines = new(StringComparer.Ordinal);

    internal CustomerRows(CrmDatabase crm, string[] header, List<ImportProblem> headerProblems)
    {
        _crm = crm;
        _columns = ColumnMap.Create(header, Columns, Required, [("attr:", "name"), (ConsentColumns.Prefix, "channel")], headerProblems);
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

    public Customer? Convert(SourceRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Fail(string column, string message) => problems.Add(new ImportProblem(row.Line, column, message));

        var codeText = _columns.Cell(row, "code");
        var name = _columns.Cell(row, "name");
        CustomerCode code = default;
        try
        {
            code = new CustomerCode(codeText);
        }
        catch (CrmValidationException e)
        {
            Fail(_columns.ColumnName("code"), Strip(e));
        }
        if (code != default)
        {
            if (_codeLines.TryGetValue(code.Value, out var first)) Fail(_columns.ColumnName("code"), $"'{code}' is also the code on line {first}.");
            else
            {
                _codeLines[code.Value] = row.Line;
                if (_crm.Customers.Find(code) is not null) Fail(_columns.ColumnName("code"), $"a customer with code '{code}' already exists.");
            }
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

        if (problems.Count > before || code == default || consents is null) return null;
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
            _crm.Customers.Validate(customer);
            return customer;
        }
        catch (CrmValidationException e)
        {
            Fail(ColumnOf(e.Field, contactColumns), Strip(e));
            return null;
        }
    }

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
            return contactColumns[index];
        }
        if (field.StartsWith("tags", StringComparison.Ordinal)) return _columns.ColumnName("tags");
        return _columns.ColumnName(field == "timeZone" ? "time-zone" : field);
    }

    private static string? Optional(string cell) => cell.Length == 0 ? null : cell;

    /// <summary>What was wrong, without the core's field name; the column names it instead.</summary>
    internal static string Strip(CrmValidationException e) => e.Reason;
}
