namespace CrmKit.Value;

/// <summary>
/// Quintile scores of recency, frequency and monetary value, each 1 (lowest fifth) to 5 (highest fifth),
/// ranked within the customers scored together.
/// </summary>
/// <param name="Recency">5 for the customers whose last purchase is most recent.</param>
/// <param name="Frequency">5 for the customers with the most repeat purchases.</param>
/// <param name="Monetary">5 for the customers who spent most.</param>
public sealed record RfmScore(int Recency, int Frequency, int Monetary)
{
    /// <summary>The recency score, 1 to 5.</summary>
    public int Recency { get; init; } = Check(Recency, nameof(Recency));

    /// <summary>The frequency score, 1 to 5.</summary>
    public int Frequency { get; init; } = Check(Frequency, nameof(Frequency));

    /// <summary>The monetary score, 1 to 5.</summary>
    public int Monetary { get; init; } = Check(Monetary, nameof(Monetary));

    /// <summary>The three digits as usually written, for example "535".</summary>
    public override string ToString() => $"{Recency}{Frequency}{Monetary}";

    private static int Check(int score, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5, name);
        return score;
    }
}
