using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// The stored form of the case deadline policy (<see cref="CaseDeadlinePolicy"/>): its business
/// calendar (zone, working hours per weekday, holidays) and its rules with their escalations, as
/// the <c>casePolicy</c> object of the stored operations settings. Spans are written in the
/// invariant <c>c</c> format, times of day as <c>HH:mm:ss.fffffff</c>, so the same policy always gives the
/// same text.
/// </summary>
internal static class CasePolicyDocument
{
    internal static JsonObject Write(CaseDeadlinePolicy policy)
    {
        var calendar = policy.Calendar;
        var week = new JsonObject();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var hours = calendar.HoursOn(day);
            if (hours.Count > 0)
                week[day.ToString()] = new JsonArray([.. hours.Select(h => (JsonNode?)new JsonArray(Time(h.Start), Time(h.End)))]);
        }
        return new JsonObject
        {
            ["timeZone"] = calendar.Zone.Id,
            ["week"] = week,
            ["holidays"] = new JsonArray([.. calendar.Holidays.Order().Select(d => (JsonNode?)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]),
            ["rules"] = new JsonArray([.. policy.Rules.Select(r => (JsonNode?)new JsonObject
            {
                ["category"] = r.Category,
                ["priority"] = r.Priority?.ToString(),
                ["tier"] = r.Tier,
                ["firstResponse"] = Span(r.FirstResponse),
                ["resolution"] = Span(r.Resolution),
                ["firstResponseEscalation"] = Target(r.FirstResponseEscalation),
                ["resolutionEscalation"] = Target(r.ResolutionEscalation),
            })]),
        };
    }

    /// <summary>The policy <paramref name="node"/> holds; <see cref="CaseBook.DefaultPolicy"/> when it is null (stored before case policies were).</summary>
    /// <exception cref="FormatException">A value is not in its format.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown on this machine.</exception>
    /// <exception cref="CrmValidationException">The calendar or a rule is not acceptable.</exception>
    internal static CaseDeadlinePolicy Read(JsonNode? node)
    {
        if (node is null) return CaseBook.DefaultPolicy;
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>();
        foreach (var (day, hours) in node["week"]!.AsObject())
        {
            week[Enum.Parse<DayOfWeek>(day)] = [.. hours!.AsArray().Select(h => new WorkingHours(ReadTime(h![0]!), ReadTime(h[1]!)))];
        }
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(node["timeZone"]!.GetValue<string>()), week,
            node["holidays"]!.AsArray().Select(d => DateOnly.ParseExact(d!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var rules = node["rules"]!.AsArray().Select(r => new CaseDeadlineRule(
            r!["category"]?.GetValue<string>(),
            r["priority"] is { } p ? Enum.Parse<TaskPriority>(p.GetValue<string>()) : null,
            r["tier"]?.GetValue<string>(),
            ReadSpan(r["firstResponse"]!),
            ReadSpan(r["resolution"]!))
        {
            FirstResponseEscalation = ReadTarget(r["firstResponseEscalation"]),
            ResolutionEscalation = ReadTarget(r["resolutionEscalation"]),
        });
        return new CaseDeadlinePolicy(calendar, rules);
    }

    /// <summary>The policy's stored text, for telling two policies apart.</summary>
    internal static string Text(CaseDeadlinePolicy policy) => Write(policy).ToJsonString();

    private static string Time(TimeOnly time) => time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static TimeOnly ReadTime(JsonNode node) => TimeOnly.ParseExact(node.GetValue<string>(), "HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);

    private static TimeSpan ReadSpan(JsonNode node) => TimeSpan.ParseExact(node.GetValue<string>(), "c", CultureInfo.InvariantCulture);

    private static JsonObject? Target(EscalationTarget? target) =>
        target is null ? null : new JsonObject { ["level"] = target.Level, ["owner"] = target.Owner };

    private static EscalationTarget? ReadTarget(JsonNode? node) =>
        node is null ? null : new EscalationTarget(node["level"]?.GetValue<string>(), node["owner"]?.GetValue<string>());
}
