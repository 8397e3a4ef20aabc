namespace CrmKit;

/// <summary>
/// The lifecycle stages a customer moves through and the transitions allowed between them.
/// Immutable; build one with <see cref="Create"/> or take <see cref="Default"/>.
/// </summary>
public sealed class StageModel
{
    private readonly Dictionary<StageId, StageId[]> _edges;

    private StageModel(StageId initial, IReadOnlyList<StageId> stages, Dictionary<StageId, StageId[]> edges)
    {
        Initial = initial;
        Stages = stages;
        _edges = edges;
    }

    /// <summary>
    /// The default model: prospect → new → growing → mature → declining → churned, and
    /// churned → won-back, from which a customer grows again or is lost again. A growing customer
    /// may also decline directly (growing → declining), so a customer whose purchases lapse before
    /// anyone calls them mature is not stuck in growing.
    /// </summary>
    public static StageModel Default { get; } = Create("prospect",
    [
        ("prospect", "new"),
        ("new", "growing"),
        ("growing", "mature"),
        ("growing", "declining"),
        ("mature", "declining"),
        ("declining", "churned"),
        ("churned", "won-back"),
        ("won-back", "growing"),
        ("won-back", "churned"),
    ]);

    /// <summary>The stage a new customer starts in.</summary>
    public StageId Initial { get; }

    /// <summary>Every stage of the model, in order of first mention.</summary>
    public IReadOnlyList<StageId> Stages { get; }

    /// <summary>Builds a model from its initial stage and its allowed transitions.</summary>
    /// <exception cref="CrmValidationException">A stage name is invalid or a transition loops onto itself.</exception>
    public static StageModel Create(StageId initial, IEnumerable<(StageId From, StageId To)> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (initial == default) throw new CrmValidationException("initial", "is required but was empty.");
        var stages = new List<StageId> { initial };
        var edges = new Dictionary<StageId, List<StageId>>();
        foreach (var (from, to) in transitions)
        {
            if (from == default || to == default) throw new CrmValidationException("transitions", "contain an empty stage.");
            if (from == to) throw new CrmValidationException("transitions", $"'{from}' → '{to}' loops onto itself.");
            if (!stages.Contains(from)) stages.Add(from);
            if (!stages.Contains(to)) stages.Add(to);
            var targets = edges.TryGetValue(from, out var list) ? list : edges[from] = [];
            if (!targets.Contains(to)) targets.Add(to);
        }
        return new(initial, stages, edges.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>True when the model has a stage named <paramref name="stage"/>.</summary>
    public bool Contains(StageId stage) => Stages.Contains(stage);

    /// <summary>The stages a customer in <paramref name="from"/> may move to.</summary>
    public IReadOnlyList<StageId> AllowedFrom(StageId from) => _edges.TryGetValue(from, out var to) ? to : [];

    /// <summary>True when the model allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Allows(StageId from, StageId to) => AllowedFrom(from).Contains(to);
}
