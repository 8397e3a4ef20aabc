namespace CrmKit;

/// <summary>One rate cut into rows, with the formula it was computed by.</summary>
/// <param name="Name">The rate's name, such as <c>contact-success</c>.</param>
/// <param name="Formula">What is counted over what, in words.</param>
/// <param name="Cut">How the rows are split.</param>
/// <param name="Rows">One row per key, in ordinal order of the key.</param>
public sealed record RateReport(string Name, string Formula, RateCut Cut, IReadOnlyList<RateRow> Rows)
{
    /// <summary>The row for <paramref name="key"/>, or a 0/0 rate when there is none.</summary>
    public Rate this[string key] => Rows.FirstOrDefault(r => r.Key == key)?.Rate ?? default;
}
