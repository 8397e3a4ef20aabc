namespace CrmKit.Value;

/// <summary>A smooth function of a few variables with its gradient and Hessian, evaluated without allocating.</summary>
internal interface ITwiceDifferentiable
{
    /// <summary>The number of variables.</summary>
    int Dimension { get; }

    /// <summary>
    /// f(<paramref name="point"/>), filling <paramref name="gradient"/> (n values) and <paramref name="hessian"/>
    /// (n × n, row-major); +∞ or NaN where f is not defined.
    /// </summary>
    double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, Span<double> hessian);
}
