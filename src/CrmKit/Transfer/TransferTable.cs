namespace CrmKit;

/// <summary>What one column of an exported table holds, so that a CSV cell reads back as the value written.</summary>
internal enum ColumnKind
{
    Text,
    Integer,
    Decimal,
    Boolean,
    Instant,
    Date,
    Json,
}

/// <summary>
/// One table of a bulk export: its name (the file is <c>NAME.jsonl</c> or <c>NAME.csv</c>) and its
/// columns in order. The order is the order of the JSON properties and CSV columns, so an export
/// of one base is always the same bytes.
/// </summary>
internal sealed record TransferTable(string Name, IReadOnlyList<(string Column, ColumnKind Kind)> Columns)
{
    private static (string, ColumnKind) T(string name) => (name, ColumnKind.Text);
    private static (string, ColumnKind) I(string name) => (name, ColumnKind.Instant);
    private static (string, ColumnKind) J(string name) => (name, ColumnKind.Json);

    internal static readonly TransferTable Customers = new("customers",
    [
        T("code"), T("name"), T("stage"), I("stage-since"), T("owner"), T("grade"), I("grade-reviewed-at"), J("group"), ("birthday", ColumnKind.Date),
        T("time-zone"), J("tags"), J("contact-points"), J("consents"), J("attributes"), I("created-at"), I("updated-at"), ("version", ColumnKind.Integer), I("erased-at"),
    ]);

    internal static readonly TransferTable Interactions = new("interactions",
    [
        T("customer"), T("kind"), T("channel"), I("occurred-at"), ("amount", ColumnKind.Decimal), T("outcome"), T("notes"), T("staff"), J("metadata"), I("recorded-at"),
    ]);

    internal static readonly TransferTable StageHistory = new("stage-history",
        [T("customer"), T("from"), T("to"), I("at"), T("reason"), T("actor"), T("merged-from")]);

    internal static readonly TransferTable GradeHistory = new("grade-history",
        [T("customer"), T("from"), T("to"), I("at"), T("reason"), T("actor"), ("review", ColumnKind.Boolean), T("merged-from")]);

    internal static readonly TransferTable Claims = new("claims", [T("customer"), T("salesperson"), I("at"), I("until")]);

    internal static readonly TransferTable Tasks = new("tasks",
    [
        T("customer"), T("rule"), T("occasion"), T("channel"), I("due"), I("proposed-due"), T("priority"), T("owner"), T("note"), T("status"),
        I("created-at"), I("closed-at"), T("outcome"), T("closed-by"),
    ]);

    internal static readonly TransferTable Segments = new("segments",
        [T("name"), T("description"), J("filter"), T("script"), J("parameters"), ("refreshes", ColumnKind.Integer)]);

    internal static readonly TransferTable SegmentMembers = new("segment-members",
        [T("segment"), T("customer"), I("since"), ("since-refresh", ColumnKind.Integer)]);

    internal static readonly TransferTable Identities = new("identities", [T("system"), T("id"), T("customer"), I("linked-at")]);

    /// <summary>Every table, in the order a restore reads them (customers first, the things about them after).</summary>
    internal static readonly TransferTable[] All = [Customers, Interactions, StageHistory, GradeHistory, Claims, Tasks, Segments, SegmentMembers, Identities];

    /// <summary>The file name of this table in <paramref name="format"/>.</summary>
    internal string FileName(ExportFormat format) => Name + (format == ExportFormat.Csv ? ".csv" : ".jsonl");
}
