using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>
/// The configuration of a database as JSON: the attribute schema, the stage model, the purchase and
/// refund kinds, the contact policy, the routing (teams and assignment rules), the case deadline policy, the built-in stage rules and the loyalty programme. <c>crmkit init --schema</c> and <c>crmkit configure --schema</c>
/// read it, <c>crmkit configure</c> prints it, and a settings file beside a database (<c>crm.db.json</c>
/// beside <c>crm.db</c>, as earlier versions wrote) is read by every command. Every key is optional; a
/// missing key leaves the stored value (the library's default for a new database).
/// </summary>
internal sealed record CrmSettings
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Attribute name → type (text, integer, decimal, boolean, date, instant, text-list).</summary>
    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; init; }

    /// <summary>The stage model; the default model when absent.</summary>
    [JsonPropertyName("stages")]
    public StageSettings? Stages { get; init; }

    /// <summary>Interaction kinds that count as purchases.</summary>
    [JsonPropertyName("purchaseKinds")]
    public List<string>? PurchaseKinds { get; init; }

    /// <summary>Interaction kinds that return money.</summary>
    [JsonPropertyName("refundKinds")]
    public List<string>? RefundKinds { get; init; }

    /// <summary>The contact policy care sweeps apply; the library's default when absent.</summary>
    [JsonPropertyName("contactPolicy")]
    public ContactPolicySettings? ContactPolicy { get; init; }

    /// <summary>Teams and assignment rules; none when absent.</summary>
    [JsonPropertyName("routing")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RoutingSettings? Routing { get; init; }

    /// <summary>Case deadlines, business hours and escalations; the library's default when absent.</summary>
    [JsonPropertyName("casePolicy")]
    public CasePolicySettings? CasePolicy { get; init; }

    /// <summary>Whether sweeps run the built-in stage rules, and their factors; none when absent.</summary>
    [JsonPropertyName("stageRules")]
    public StageRuleSettingsJson? StageRules { get; init; }

    /// <summary>The loyalty programme (built-in earn rules, expiry, tiers); none when absent.</summary>
    [JsonPropertyName("loyalty")]
    public LoyaltySettings? Loyalty { get; init; }

    /// <summary>Where the settings of the database at <paramref name="databasePath"/> live.</summary>
    internal static string PathFor(string databasePath) => databasePath + ".json";

    /// <summary>Reads settings from JSON text.</summary>
    /// <exception cref="CommandFailure">The text is not valid settings JSON.</exception>
    internal static CrmSettings Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<CrmSettings>(json, Json) ?? new CrmSettings();
        }
        catch (JsonException e)
        {
            throw new CommandFailure(CrmKitCli.Problems, $"{source}: {e.Message}");
        }
    }

    /// <summary>The settings as indented JSON.</summary>
    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The settings with every default spelled out, so the file shows the whole picture.</summary>
    internal CrmSettings Complete() => From(ToOptions(null));

    /// <summary>The complete settings of the configuration <paramref name="options"/> carry.</summary>
    internal static CrmSettings From(CrmOptions options)
    {
        return new CrmSettings
        {
            Attributes = options.Attributes.Attributes.ToDictionary(a => a.Key, a => AttributeTypeNames.Name(a.Value), StringComparer.Ordinal),
            Stages = StageSettings.From(options.Stages),
            PurchaseKinds = options.PurchaseKinds.Select(k => k.Name).Order(StringComparer.Ordinal).ToList(),
            RefundKinds = options.RefundKinds.Select(k => k.Name).Order(StringComparer.Ordinal).ToList(),
            ContactPolicy = ContactPolicySettings.From(options.ContactPolicy),
            Routing = options.Routing.Teams.Count + options.Routing.Rules.Count == 0 ? null : RoutingSettings.From(options.Routing),
            CasePolicy = CasePolicySettings.From(options.CasePolicy),
            StageRules = StageRuleSettingsJson.From(options.StageRules),
            Loyalty = LoyaltySettings.From(options.Loyalty),
        };
    }

    /// <summary>
    /// Builds the options to open the database at <paramref name="databasePath"/> (in memory when null),
    /// giving only the settings present; the others are left unset, so the stored ones apply.
    /// </summary>
    /// <exception cref="CrmValidationException">A name or type in the settings is invalid.</exception>
    internal CrmOptions ToOptions(string? databasePath)
    {
        var options = new CrmOptions { FilePath = databasePath };
        if (Attributes is not null)
        {
            var schema = AttributeSchema.Empty;
            foreach (var (name, type) in Attributes)
                schema = schema.Define(name, AttributeTypeNames.Parse(name, type));
            options = options with { Attributes = schema };
        }
        if (Stages is not null) options = options with { Stages = Stages.ToModel() };
        if (PurchaseKinds is not null) options = options with { PurchaseKinds = PurchaseKinds.Select(k => new InteractionKind(k)).ToHashSet() };
        if (RefundKinds is not null) options = options with { RefundKinds = RefundKinds.Select(k => new InteractionKind(k)).ToHashSet() };
        if (ContactPolicy is not null) options = options with { ContactPolicy = ContactPolicy.ToPolicy() };
        if (Routing is not null) options = options with { Routing = Routing.ToPolicy() };
        if (CasePolicy is not null) options = options with { CasePolicy = CasePolicy.ToPolicy() };
        if (StageRules is not null) options = options with { StageRules = StageRules.ToSettings() };
        if (Loyalty is not null) options = options with { Loyalty = Loyalty.ToProgram() };
        return options;
    }
}
