namespace CrmKit.Value;

/// <summary>
/// Parameters of the Gamma-Gamma spend model (Fader, Hardie and Lee 2005; Fader and Hardie's note
/// "The Gamma-Gamma Model of Monetary Value"): each purchase amount is Gamma(p, ν) distributed, and
/// the customer's ν is Gamma(q, γ) across customers, so a customer's mean spend is p/ν.
/// </summary>
/// <remarks>γ is in the currency of the amounts. The population mean spend p·γ/(q − 1) exists only when q &gt; 1.</remarks>
public sealed record GammaGammaParameters
{
    /// <summary>Creates the parameters; each must be a finite number greater than zero.</summary>
    /// <exception cref="ArgumentException">A parameter is not finite and positive.</exception>
    public GammaGammaParameters(double p, double q, double gamma)
    {
        P = ModelChecks.Positive(p, nameof(p));
        Q = ModelChecks.Positive(q, nameof(q));
        Gamma = ModelChecks.Positive(gamma, nameof(gamma));
    }

    /// <summary>Shape p of the spend of one purchase.</summary>
    public double P { get; }

    /// <summary>Shape q of the customers' spend-scale distribution.</summary>
    public double Q { get; }

    /// <summary>Scale γ of the customers' spend-scale distribution, in currency units.</summary>
    public double Gamma { get; }
}
