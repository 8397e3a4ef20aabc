using System.Globalization;
using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>
/// The case deadline policy as written in the settings file:
/// <c>{ "timeZone": "Asia/Shanghai", "hours": { "monday": ["09:00-18:00"] }, "holidays": ["2026-10-01"], "rules": [ { "category": "complaint", "priority": "urgent", "firstResponse": "10m", "resolution": "4h", "firstResponseEscalation": { "level": "supervisor", "owner": "lead.wu" } } ] }</c>.
/// Durations are working time, written as in the contact policy (<c>10m</c>, <c>4h</c>, <c>5d</c>).
/// Given, it replaces the stored policy; cases already open keep their deadlines.
/// </summary>
internal sealed record CasePolicySettings
{
    private const string Section = "casePolicy";

    /// <summary>The zone working hours are in (IANA or Windows id); UTC when absent.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; init; }

    /// <summary>Weekday (<c>monday</c> … <c>sunday</c>) → working stretches <c>HH:mm-HH:mm</c> (<c>24:00</c> for midnight); Monday to Friday 09:00–18:00 when absent.</summary>
    [JsonPropertyName("hours")]
    public Dictionary<string, List<string>>? Hours { get; init; }

    /// <summary>Dates without work, <c>yyyy-MM-dd</c>, in the zone.</summary>
    [JsonPropertyName("holidays")]
    public List<string>? Holidays { get; init; }

    /// <summary>The deadline rules; the most specific matching one applies to a case.</summary>
    [JsonPropertyName("rules")]
    public List<CaseRuleSettings>? Rules { get; init; }

    internal static CasePolicySettings From(CaseDeadlinePolicy policy)
    {
        var calendar = policy.Calendar;
        return new CasePolicySettings
        {
            TimeZone = calendar.Zone.Id,
            Hours = Enum.GetValues<DayOfWeek>().Where(d => calendar.HoursOn(d).Count > 0)
                .ToDictionary(d => d.ToString().ToLowerInvariant(), d => calendar.HoursOn(d).Select(h => h.ToString()).ToList(), StringComparer.Ordinal),
            Holidays = [.. calendar.Holidays.Order().Select(h => h.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            Rules = [.. policy.Rules.Select(CaseRuleSettings.From)],
        };
    }

    /// <exception cref="CrmValidationException">A value is missing, out of range or not in its format; the field names the key.</exception>
    internal CaseDeadlinePolicy ToPolicy()
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CrmValidationException(Section + ".timeZone", $"\"{TimeZone}\" is not a time zone this machine knows; write an IANA name such as \"Asia/Shanghai\".");
        }
        var week = Hours is null
            ? Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .ToDictionary(d => d, IReadOnlyList<WorkingHours> (_) => [new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0))])
            : Hours.ToDictionary(kv => Day(kv.Key), IReadOnlyList<WorkingHours> (kv) => [.. (kv.Value ?? []).Select(h => Stretch(h, kv.Key))]);
        var holidays = (Holidays ?? []).Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CrmValidationException(Section + ".holidays", $"\"{h}\" is not a date; write yyyy-MM-dd such as \"2026-10-01\"."));
        var rules = (Rules ?? throw new CrmValidationException(Section + ".rules", "are required; give at least one (a rule with no keys matches every case)."))
            .Select((r, i) => (r ?? throw new CrmValidationException($"{Section}.rules[{i}]", "is null.")).ToRule($"{Section}.rules[{i}]")).ToArray();
        var calendar = Prefixed(Section + ".hours", () => new BusinessCalendar(zone, week, holidays));
        return Prefixed(Section, () => new CaseDeadlinePolicy(calendar, rules));
    }

    /// <summary>
    /// Runs <paramref name="make"/>; a validation failure of the library (whose field names the
    /// library's object, such as <c>deadlineRule.resolution</c>) is reported under the settings key
    /// instead (<c>casePolicy.rules[0].resolution</c>).
    /// </summary>
    internal static T Prefixed<T>(string key, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (CrmValidationException e) when (!e.Field.StartsWith(Section, StringComparison.Ordinal))
        {
            var dot = e.Field.IndexOf('.', StringComparison.Ordinal);
            throw new CrmValidationException(dot < 0 ? key : key + e.Field[dot..], e.Reason);
        }
    }

    private static DayOfWeek Day(string name) =>
        Enum.GetValues<DayOfWeek>().Where(d => d.ToString().ToLowerInvariant() == name).Select(d => (DayOfWeek?)d).FirstOrDefault()
        ?? throw new CrmValidationException(Section + ".hours", $"\"{name}\" is not a weekday; write monday, tuesday, … or sunday.");

    private static WorkingHours Stretch(string text, string day)
    {
        var field = $"{Section}.hours.{day}";
        var parts = text.Split('-');
        if (parts.Length == 2 && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && (parts[1] == "24:00" ? TimeOnly.MinValue : TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : (TimeOnly?)null) is { } end)
        {
            return Prefixed(field, () => new WorkingHours(start, end));
        }
        throw new CrmValidationException(field, $"\"{text}\" is not a stretch of working hours; write HH:mm-HH:mm such as \"09:00-18:00\" (24:00 for midnight).");
    }
}

/// <summary>One deadline rule as written in the settings file; a missing key matches any case.</summary>
internal sealed record CaseRuleSettings
{
    /// <summary>The category it applies to, such as <c>complaint</c>.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary><c>low</c>, <c>normal</c>, <c>high</c> or <c>urgent</c>.</summary>
    [JsonPropertyName("priority")]
    public string? Priority { get; init; }

    /// <summary>The customer tier it applies to, such as <c>gold</c>.</summary>
    [JsonPropertyName("tier")]
    public string? Tier { get; init; }

    /// <summary>Working time to the first response, such as <c>10m</c>.</summary>
    [JsonPropertyName("firstResponse")]
    public string? FirstResponse { get; init; }

    /// <summary>Working time to the resolution, such as <c>2d</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>Where the case goes when the first response is late.</summary>
    [JsonPropertyName("firstResponseEscalation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EscalationSettings? FirstResponseEscalation { get; init; }

    /// <summary>Where the case goes when the resolution is late.</summary>
    [JsonPropertyName("resolutionEscalation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EscalationSettings? ResolutionEscalation { get; init; }

    internal static CaseRuleSettings From(CaseDeadlineRule r) => new()
    {
        Category = r.Category,
        Priority = r.Priority is { } p ? CareNames.Name(p) : null,
        Tier = r.Tier,
        FirstResponse = ContactPolicySettings.Duration(r.FirstResponse),
        Resolution = ContactPolicySettings.Duration(r.Resolution),
        FirstResponseEscalation = EscalationSettings.From(r.FirstResponseEscalation),
        ResolutionEscalation = EscalationSettings.From(r.ResolutionEscalation),
    };

    internal CaseDeadlineRule ToRule(string field)
    {
        TaskPriority? priority = Priority is null ? null
            : Enum.GetValues<TaskPriority>().Where(p => CareNames.Name(p) == Priority).Select(p => (TaskPriority?)p).FirstOrDefault()
              ?? throw new CrmValidationException(field + ".priority", $"\"{Priority}\" is not a priority; write low, normal, high or urgent.");
        var first = ContactPolicySettings.ParseDuration(FirstResponse ?? throw new CrmValidationException(field + ".firstResponse", "is required, such as \"4h\"."),
            "firstResponse", field);
        var resolution = ContactPolicySettings.ParseDuration(Resolution ?? throw new CrmValidationException(field + ".resolution", "is required, such as \"2d\"."),
            "resolution", field);
        return CasePolicySettings.Prefixed(field, () => new CaseDeadlineRule(Category, priority, Tier, first, resolution)
        {
            FirstResponseEscalation = FirstResponseEscalation?.ToTarget(field + ".firstResponseEscalation"),
            ResolutionEscalation = ResolutionEscalation?.ToTarget(field + ".resolutionEscalation"),
        });
    }
}

/// <summary>Where a late case goes: <c>{ "level": "supervisor", "owner": "lead.wu" }</c>, at least one of the two.</summary>
internal sealed record EscalationSettings
{
    /// <summary>The level the case is raised to.</summary>
    [JsonPropertyName("level")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Level { get; init; }

    /// <summary>The owner the case is handed to.</summary>
    [JsonPropertyName("owner")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Owner { get; init; }

    internal static EscalationSettings? From(EscalationTarget? target) => target is null ? null : new() { Level = target.Level, Owner = target.Owner };

    internal EscalationTarget ToTarget(string field) => CasePolicySettings.Prefixed(field, () => new EscalationTarget(Level, Owner));
}
