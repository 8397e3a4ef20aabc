namespace CrmKit;

/// <summary>
/// One customer a segment or care rule could not be evaluated for. The refresh, preview or sweep
/// went on with the other customers; this customer's stored state was left as it was.
/// </summary>
/// <param name="Rule">The segment's or care rule's name (<c>preview</c> for a segment preview).</param>
/// <param name="Customer">The customer the evaluation failed for.</param>
/// <param name="Kind">
/// What went wrong, as a short code: a script's failure code such as <c>CRM1001</c> (time limit),
/// or the exception's type name (for example <c>InvalidOperationException</c>).
/// </param>
/// <param name="Message">What went wrong, in words.</param>
public sealed record EvaluationFailure(string Rule, CustomerCode Customer, string Kind, string Message)
{
    /// <summary>
    /// The key under which an exception's <see cref="Exception.Data"/> may carry its own
    /// <see cref="Kind"/>; CrmKit.Scripting sets it to the script's failure code.
    /// </summary>
    public const string KindKey = "CrmKit.EvaluationFailure.Kind";

    /// <summary>The failure of <paramref name="rule"/> for <paramref name="customer"/> that <paramref name="error"/> describes.</summary>
    public static EvaluationFailure From(string rule, CustomerCode customer, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var kind = error.Data[KindKey] as string ?? error.GetType().Name;
        return new EvaluationFailure(rule, customer, kind, error.Message);
    }

    /// <inheritdoc/>
    public override string ToString() => $"rule '{Rule}' failed for customer '{Customer}': {Message}";
}
