namespace CrmKit.Value;

/// <summary>
/// Parameters of the BG/NBD purchase model (Fader, Hardie and Lee 2005): while active, a customer
/// buys at a Poisson rate λ ~ Gamma(r, α) per model time unit, and after each purchase becomes
/// inactive with probability p ~ Beta(a, b).
/// </summary>
/// <remarks>α is in model time units (its scale follows the unit: about 7 times larger in days than in weeks).</remarks>
public sealed record BgNbdParameters
{
    /// <summary>Creates the parameters; each must be a finite number greater than zero.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite and positive.</exception>
    public BgNbdParameters(double r, double alpha, double a, double b)
    {
        R = ModelChecks.Positive(r, nameof(r));
        Alpha = ModelChecks.Positive(alpha, nameof(alpha));
        A = ModelChecks.Positive(a, nameof(a));
        B = ModelChecks.Positive(b, nameof(b));
    }

    /// <summary>Shape r of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Scale α of the gamma distribution of purchase rates, in model time units.</summary>
    public double Alpha { get; }

    /// <summary>First shape a of the beta distribution of drop-out probabilities.</summary>
    public double A { get; }

    /// <summary>Second shape b of the beta distribution of drop-out probabilities.</summary>
    public double B { get; }
}
