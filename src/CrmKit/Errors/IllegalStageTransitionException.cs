namespace CrmKit;

/// <summary>The stage model has no edge from the customer's current stage to the requested one.</summary>
public sealed class IllegalStageTransitionException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public IllegalStageTransitionException(CustomerCode code, StageId from, StageId to, IEnumerable<StageId> allowed)
        : base($"Customer '{code}' cannot move from stage '{from}' to '{to}'. Allowed from '{from}': {Describe(allowed)}.")
    {
        Code = code;
        From = from;
        To = to;
    }

    /// <summary>The customer.</summary>
    public CustomerCode Code { get; }

    /// <summary>The customer's current stage.</summary>
    public StageId From { get; }

    /// <summary>The requested stage.</summary>
    public StageId To { get; }

    private static string Describe(IEnumerable<StageId> allowed)
    {
        var list = string.Join(", ", allowed.Select(s => $"'{s}'"));
        return list.Length == 0 ? "none" : list;
    }
}
