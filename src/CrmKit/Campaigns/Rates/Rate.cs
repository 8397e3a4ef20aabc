namespace CrmKit;

/// <summary>A rate as a count over a count; <see cref="Value"/> is null when nothing was counted below the line.</summary>
/// <param name="Numerator">How many of the counted succeeded.</param>
/// <param name="Denominator">How many were counted.</param>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary><see cref="Numerator"/> / <see cref="Denominator"/>, between 0 and 1; null when the denominator is 0.</summary>
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>The 95% Wilson score interval of the rate; null when the denominator is 0.</summary>
    public ConfidenceInterval? Interval => Denominator == 0 ? null : Proportions.Wilson(Numerator, Denominator);

    /// <inheritdoc/>
    public override string ToString() => Value is { } v
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Numerator}/{Denominator} ({v:P1})")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
