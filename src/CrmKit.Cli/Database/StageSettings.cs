using System.Text.Json.Serialization;

namespace CrmKit.Cli;

/// <summary>The stage model as written in the settings file: the initial stage and the allowed transitions.</summary>
internal sealed record StageSettings
{
    /// <summary>The stage a new customer starts in.</summary>
    [JsonPropertyName("initial")]
    public string? Initial { get; init; }

    /// <summary>The allowed transitions.</summary>
    [JsonPropertyName("transitions")]
    public List<TransitionSettings>? Transitions { get; init; }

    internal static StageSettings From(StageModel model) => new()
    {
        Initial = model.Initial.Name,
        Transitions = model.Stages
            .SelectMany(from => model.AllowedFrom(from).Select(to => new TransitionSettings { From = from.Name, To = to.Name }))
            .ToList(),
    };

    /// <exception cref="CrmValidationException">The initial stage is missing or a name is invalid.</exception>
    internal StageModel ToModel()
    {
        if (Initial is null) throw new CrmValidationException("stages.initial", "is required when stages are given.");
        return StageModel.Create(Initial, (Transitions ?? []).Select((t, i) =>
            (new StageId(t.From ?? throw new CrmValidationException($"stages.transitions[{i}].from", "is required.")),
             new StageId(t.To ?? throw new CrmValidationException($"stages.transitions[{i}].to", "is required.")))));
    }
}

/// <summary>One allowed stage transition in the settings file.</summary>
internal sealed record TransitionSettings
{
    /// <summary>The stage a customer leaves.</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>The stage a customer enters.</summary>
    [JsonPropertyName("to")]
    public string? To { get; init; }
}
