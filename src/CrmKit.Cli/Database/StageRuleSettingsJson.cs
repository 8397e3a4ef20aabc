using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>
/// The built-in stage rules as written in the settings file (<c>"stageRules"</c>): whether sweeps
/// run them, and their factors. A missing key keeps the library's default.
/// </summary>
internal sealed record StageRuleSettingsJson
{
    /// <summary>Whether care sweeps run the built-in stage rules.</summary>
    [JsonPropertyName("useBuiltIn")]
    public bool? UseBuiltIn { get; init; }

    /// <summary>Silence longer than this many usual gaps moves a growing or mature customer to declining.</summary>
    [JsonPropertyName("decliningFactor")]
    public double? DecliningFactor { get; init; }

    /// <summary>Silence longer than this many usual gaps moves a declining or won-back customer to churned.</summary>
    [JsonPropertyName("churnedFactor")]
    public double? ChurnedFactor { get; init; }

    /// <summary>The shortest usual gap between purchases, in days.</summary>
    [JsonPropertyName("minimumGapDays")]
    public int? MinimumGapDays { get; init; }

    internal static StageRuleSettingsJson From(StageRuleSettings settings) => new()
    {
        UseBuiltIn = settings.UseBuiltIn,
        DecliningFactor = settings.DecliningFactor,
        ChurnedFactor = settings.ChurnedFactor,
        MinimumGapDays = settings.MinimumGapDays,
    };

    /// <exception cref="CrmValidationException">A value is out of range; the field names the key.</exception>
    internal StageRuleSettings ToSettings()
    {
        var settings = StageRuleSettings.None;
        if (UseBuiltIn is { } on) settings = settings with { UseBuiltIn = on };
        if (DecliningFactor is { } declining) settings = settings with { DecliningFactor = declining };
        if (ChurnedFactor is { } churned) settings = settings with { ChurnedFactor = churned };
        if (MinimumGapDays is { } gap) settings = settings with { MinimumGapDays = gap };
        try
        {
            _ = (settings with { UseBuiltIn = true }).Rules();
        }
        catch (CrmValidationException e)
        {
            throw e.Under("stageRules");
        }
        return settings;
    }
}
