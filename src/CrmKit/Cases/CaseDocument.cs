using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmKit;

/// <summary>
/// The JSON form of a <see cref="ServiceCase"/>, as stores keep it (<see cref="Storage.ICaseStore"/>):
/// the whole aggregate with its history, escalations and resolutions, instants with their offsets.
/// Reading it back goes through <see cref="ServiceCase.Restore"/>, so a stored case that breaks the
/// lifecycle is refused rather than used.
/// </summary>
internal static class CaseDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The record a store keeps for <paramref name="serviceCase"/>.</summary>
    internal static Storage.CaseRecord ToRecord(ServiceCase serviceCase) =>
        new(serviceCase.Id, serviceCase.Customer, serviceCase.Owner, serviceCase.Resolution is null, serviceCase.History.Count, Write(serviceCase));

    /// <summary>The case a store's record holds.</summary>
    /// <exception cref="CrmStorageException">The record is damaged; names <paramref name="location"/>.</exception>
    internal static ServiceCase FromRecord(Storage.CaseRecord record, string location) => Read(record.Id, record.Document, location);

    internal static string Write(ServiceCase c) => JsonSerializer.Serialize(new Body(
        c.Customer.Value, c.Category, c.Priority, c.Tier, c.Subject, c.Channel.Name, c.FirstResponseDue, c.ResolutionDue, c.FirstResponseAt, c.Level,
        c.History, [.. c.Escalations.Select(e => new Escalation(e.Deadline, e.Due, e.At, e.Target.Level, e.Target.Owner, e.Actor))], c.Resolutions), Json);

    /// <exception cref="CrmStorageException">The document is damaged or does not make a valid case; names <paramref name="location"/>.</exception>
    internal static ServiceCase Read(long id, string text, string location)
    {
        try
        {
            var b = JsonSerializer.Deserialize<Body>(text, Json) ?? throw new JsonException("the document is empty");
            return ServiceCase.Restore(id, new CustomerCode(b.Customer), b.Category, b.Priority, b.Tier, b.Subject, new Channel(b.Channel),
                b.FirstResponseDue, b.ResolutionDue, b.FirstResponseAt, b.Level, b.History,
                [.. b.Escalations.Select(e => new CaseEscalation(e.Deadline, e.Due, e.At, new EscalationTarget(e.Level, e.Owner), e.Actor))], b.Resolutions);
        }
        catch (Exception e) when (e is JsonException or CrmValidationException or ArgumentException or NotSupportedException)
        {
            throw new CrmStorageException(location, $"case {id} is damaged: {e.Message}", e);
        }
    }

    private sealed record Body(
        string Customer, string Category, TaskPriority Priority, string? Tier, string Subject, string Channel,
        DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, DateTimeOffset? FirstResponseAt, string? Level,
        IReadOnlyList<CaseChange> History, IReadOnlyList<Escalation> Escalations, IReadOnlyList<CaseResolution> Resolutions);

    private sealed record Escalation(CaseDeadline Deadline, DateTimeOffset Due, DateTimeOffset At, string? Level, string? Owner, string Actor);
}
