namespace CrmKit;

/// <summary>
/// The stages the built-in stage rules (<see cref="StageRules"/>) name, so they work with a model
/// whose stages are called something else. The defaults are the stages of <see cref="StageModel.Default"/>.
/// Immutable.
/// </summary>
public sealed record StageNames
{
    /// <summary>Names the stages; each defaults to its name in <see cref="StageModel.Default"/>.</summary>
    /// <exception cref="CrmValidationException">A name is invalid, or two roles share one stage.</exception>
    public StageNames(
        string prospect = "prospect", string @new = "new", string growing = "growing", string mature = "mature",
        string declining = "declining", string churned = "churned", string wonBack = "won-back")
    {
        Prospect = new StageId(prospect);
        New = new StageId(@new);
        Growing = new StageId(growing);
        Mature = new StageId(mature);
        Declining = new StageId(declining);
        Churned = new StageId(churned);
        WonBack = new StageId(wonBack);
        var all = new[] { Prospect, New, Growing, Mature, Declining, Churned, WonBack };
        var twice = all.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new CrmValidationException("stages", $"'{twice.Key}' is named for more than one role; each role needs its own stage.");
    }

    /// <summary>The names of <see cref="StageModel.Default"/>.</summary>
    public static StageNames Default { get; } = new();

    /// <summary>Someone who has not bought yet.</summary>
    public StageId Prospect { get; }

    /// <summary>A customer after the first purchase.</summary>
    public StageId New { get; }

    /// <summary>A customer who buys again.</summary>
    public StageId Growing { get; }

    /// <summary>An established customer (no built-in rule moves customers here; a script or a person does).</summary>
    public StageId Mature { get; }

    /// <summary>A customer whose purchases are overdue against their own rhythm.</summary>
    public StageId Declining { get; }

    /// <summary>A customer considered lost.</summary>
    public StageId Churned { get; }

    /// <summary>A churned customer who bought again.</summary>
    public StageId WonBack { get; }
}
