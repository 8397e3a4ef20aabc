using System.Globalization;

namespace CrmKit;

/// <summary>
/// Whether a database runs the built-in stage rules (<see cref="StageRules.Defaults"/>) in its
/// sweeps, and their settings. Stored in the database's configuration, so every program that
/// opens it sweeps alike; set <see cref="CrmOptions.StageRules"/> (or <c>crmkit configure</c>) to
/// change it. Off by default: stages then change by hand and by the rules a sweep is given.
/// Immutable.
/// </summary>
public sealed record StageRuleSettings
{
    /// <summary>No built-in stage rules (the default).</summary>
    public static StageRuleSettings None { get; } = new();

    /// <summary>The built-in stage rules with their default settings, on <see cref="StageModel.Default"/>'s stage names.</summary>
    public static StageRuleSettings BuiltIn { get; } = new() { UseBuiltIn = true };

    /// <summary>True when sweeps run the built-in stage rules.</summary>
    public bool UseBuiltIn { get; init; }

    /// <summary>A growing or mature customer declines when silent for more than this many times their usual gap between purchases (2 by default).</summary>
    public double DecliningFactor { get; init; } = 2.0;

    /// <summary>A declining or won-back customer churns when silent for more than this many times their usual gap (4 by default); larger than <see cref="DecliningFactor"/>.</summary>
    public double ChurnedFactor { get; init; } = 4.0;

    /// <summary>The shortest usual gap between purchases, in days (30 by default).</summary>
    public int MinimumGapDays { get; init; } = 30;

    /// <summary>The stage names the rules use; those of <see cref="StageModel.Default"/> by default.</summary>
    public StageNames Names { get; init; } = StageNames.Default;

    /// <summary>The rules these settings run, in the order they are tried; empty when <see cref="UseBuiltIn"/> is false.</summary>
    /// <exception cref="CrmValidationException">A factor or the minimum gap is out of range.</exception>
    public IReadOnlyList<IStageRule> Rules() =>
        UseBuiltIn ? StageRules.Defaults(Names, DecliningFactor, ChurnedFactor, MinimumGapDays) : [];

    /// <summary>Checks the settings, naming the field that is wrong.</summary>
    /// <exception cref="CrmValidationException">A factor or the minimum gap is out of range, or the names are missing.</exception>
    internal void Check()
    {
        if (Names is null) throw new CrmValidationException("stageRules.names", "is required but was null.");
        try
        {
            StageRules.Defaults(Names, DecliningFactor, ChurnedFactor, MinimumGapDays);
        }
        catch (CrmValidationException e)
        {
            throw e.Under("stageRules");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => UseBuiltIn
        ? string.Create(CultureInfo.InvariantCulture, $"built-in rules (declining after {DecliningFactor}× the usual gap, churned after {ChurnedFactor}×, gaps of at least {MinimumGapDays} days)")
        : "no built-in rules";
}
