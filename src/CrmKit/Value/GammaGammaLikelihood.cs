using static CrmKit.Value.SpecialFunctions;

namespace CrmKit.Value;

/// <summary>
/// The negative Gamma-Gamma log-likelihood of the customers with a repeat purchase of positive mean
/// spend, as a function of θ = (ln p, ln q, ln γ), with its exact gradient and Hessian.
/// </summary>
/// <remarks>
/// <para>Customers are grouped by (x, z̄). Per customer ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ
/// + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + γ): only the last logarithm depends on the
/// parameters and on the customer together, so an evaluation computes it once per group and
/// everything else once per distinct x (Σ ln z̄ per x is summed once, when the groups are made).
/// Nothing is allocated per evaluation.</para>
/// <para>Not thread-safe: an instance keeps its work tables.</para>
/// </remarks>
internal sealed class GammaGammaLikelihood : ITwiceDifferentiable
{
    private readonly int[] counts;            // distinct x, ascending
    private readonly int[] firstCell;         // cells of counts[j] are firstCell[j] .. firstCell[j+1]−1
    private readonly double[] countWeight;    // customers per distinct x
    private readonly double[] sumLogMean;     // Σ ln z̄ over the customers of each x
    private readonly double[] totalSpend;     // x · z̄ per cell
    private readonly double[] cellWeight;
    private readonly double limit;

    public GammaGammaLikelihood(SummaryColumns columns, double limitOfLog)
    {
        limit = limitOfLog;
        var keys = new (int X, double Mean)[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            int x = columns.Frequency[i];
            double mean = columns.AverageRepeatSpend[i];
            if (x > 0 && mean > 0.0)
            {
                keys[Customers++] = (x, mean);
                SpendSum += mean;
            }
        }

        // Grouped by sorting, which needs far less memory than a dictionary of a million groups.
        Array.Sort(keys, 0, Customers, new KeyOrder());
        var countList = new List<int>();
        var firstList = new List<int>();
        var weights = new List<double>();
        var logMeans = new List<double>();
        var spendList = new List<double>();
        var cellWeights = new List<double>();
        for (int start = 0; start < Customers;)
        {
            int end = start + 1;
            while (end < Customers && keys[end] == keys[start])
            {
                end++;
            }

            var (x, mean) = keys[start];
            int n = end - start;
            if (countList.Count == 0 || countList[^1] != x)
            {
                countList.Add(x);
                firstList.Add(spendList.Count);
                weights.Add(0.0);
                logMeans.Add(0.0);
            }

            spendList.Add(x * mean);
            cellWeights.Add(n);
            weights[^1] += n;
            logMeans[^1] += n * Math.Log(mean);
            start = end;
        }

        firstList.Add(spendList.Count);
        counts = [.. countList];
        firstCell = [.. firstList];
        countWeight = [.. weights];
        sumLogMean = [.. logMeans];
        totalSpend = [.. spendList];
        cellWeight = [.. cellWeights];
    }

    public int Dimension => 3;

    /// <summary>Customers the likelihood sums over.</summary>
    public int Customers { get; }

    /// <summary>Σ z̄ over those customers.</summary>
    public double SpendSum { get; }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, Span<double> hessian)
    {
        for (int i = 0; i < 3; i++)
        {
            if (!(Math.Abs(theta[i]) <= limit))
            {
                return double.PositiveInfinity;
            }
        }

        double p = Math.Exp(theta[0]), q = Math.Exp(theta[1]), gamma = Math.Exp(theta[2]);
        double logGammaQ = LogGamma(q), digammaQ = Digamma(q), trigammaQ = Trigamma(q), logOfGamma = Math.Log(gamma);
        double ll = 0, gp = 0, gq = 0, gg = 0, hpp = 0, hpq = 0, hqq = 0, hpg = 0, hqg = 0, hgg = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            int x = counts[j];
            double n = countWeight[j], px = p * x, logX = Math.Log(x);
            double sumLog = 0, sumInverse = 0, sumInverseSquare = 0;
            for (int k = firstCell[j]; k < firstCell[j + 1]; k++)
            {
                double spend = totalSpend[k] + gamma, weight = cellWeight[k];
                double inverse = 1.0 / spend;
                sumLog += weight * Math.Log(spend);
                sumInverse += weight * inverse;
                sumInverseSquare += weight * inverse * inverse;
            }

            double digammaSum = Digamma(px + q), trigammaSum = Trigamma(px + q);
            ll += n * (LogGamma(px + q) - LogGamma(px) - logGammaQ + q * logOfGamma + px * logX)
                + (px - 1.0) * sumLogMean[j] - (px + q) * sumLog;
            gp += x * (n * (digammaSum - Digamma(px) + logX) + sumLogMean[j] - sumLog);
            gq += n * (digammaSum - digammaQ + logOfGamma) - sumLog;
            gg += n * q / gamma - (px + q) * sumInverse;
            hpp += n * x * x * (trigammaSum - Trigamma(px));
            hpq += n * x * trigammaSum;
            hqq += n * (trigammaSum - trigammaQ);
            hpg -= x * sumInverse;
            hqg -= sumInverse;
            hgg += -n * q / (gamma * gamma) + (px + q) * sumInverseSquare;
        }

        hqg += Customers / gamma;

        // To θ = ln of the parameters and to the negative log-likelihood.
        ReadOnlySpan<double> v = [p, q, gamma];
        ReadOnlySpan<double> g = [gp, gq, gg];
        ReadOnlySpan<double> h = [hpp, hpq, hpg, hpq, hqq, hqg, hpg, hqg, hgg];
        for (int i = 0; i < 3; i++)
        {
            gradient[i] = -v[i] * g[i];
            for (int k = 0; k < 3; k++)
            {
                hessian[i * 3 + k] = -v[i] * v[k] * h[i * 3 + k] - (i == k ? v[i] * g[i] : 0.0);
            }
        }

        return -ll;
    }

    private sealed class KeyOrder : IComparer<(int X, double Mean)>
    {
        public int Compare((int X, double Mean) u, (int X, double Mean) v) => u.X != v.X ? u.X.CompareTo(v.X) : u.Mean.CompareTo(v.Mean);
    }
}
