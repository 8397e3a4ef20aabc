using static CrmKit.Value.SpecialFunctions;

namespace CrmKit.Value;

/// <summary>
/// The negative BG/NBD log-likelihood of a customer base, summed over customers, as a function of
/// θ = (ln r, ln α, ln a, ln b), with its exact gradient and Hessian.
/// </summary>
/// <remarks>
/// <para>Customers are grouped by their sufficient statistics (x, t_x, T); those without a repeat
/// purchase only by T. Each evaluation computes ln(α+T) and 1/(α+T) once per distinct T (and the
/// same per distinct t_x), the log-gamma terms and their derivatives once per distinct x, and then
/// one exponential and one logarithm per group. Nothing is allocated per evaluation.</para>
/// <para>Not thread-safe: an instance keeps its work tables.</para>
/// </remarks>
internal sealed class BgNbdLikelihood : ITwiceDifferentiable
{
    private readonly int[] counts;          // distinct x > 0, ascending
    private readonly double[] countWeight;  // customers per distinct x
    private readonly double[] ages, recencies;
    private readonly double[] zeroWeightByAge; // customers with x = 0, per distinct T
    private readonly Cell[] cells;             // customers with x > 0, per distinct (x, t_x, T)
    private readonly double customers;
    private readonly double lowest, highest;

    private readonly double[] logAge, inverseAge, logRecency, inverseRecency;
    private readonly double[] dropOut, inverseB, w, q, q1, q2;

    public BgNbdLikelihood(SummaryColumns columns, double lowestLog, double highestLog)
    {
        lowest = lowestLog;
        highest = highestLog;
        var ageIndex = new Dictionary<double, int>();
        var recencyIndex = new Dictionary<double, int>();
        var zeros = new List<double>();
        int[] frequency = columns.Frequency;
        double[] age = columns.Age, recency = columns.Recency;

        // Grouped by sorting one small key per repeat customer, which needs far less memory than a dictionary of a million groups.
        var keys = new Key[columns.Count];
        int repeaters = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            int a = IndexOf(ageIndex, age[i]);
            if (frequency[i] == 0)
            {
                while (zeros.Count <= a)
                {
                    zeros.Add(0.0);
                }

                zeros[a]++;
                continue;
            }

            keys[repeaters++] = new Key(frequency[i], IndexOf(recencyIndex, recency[i]), a);
        }

        Array.Sort(keys, 0, repeaters, new KeyOrder());
        var cellList = new List<Cell>();
        var countList = new List<int>();
        var weightList = new List<double>();
        for (int start = 0; start < repeaters;)
        {
            int end = start + 1;
            while (end < repeaters && keys[end] == keys[start])
            {
                end++;
            }

            Key key = keys[start];
            if (countList.Count == 0 || countList[^1] != key.X)
            {
                countList.Add(key.X);
                weightList.Add(0.0);
            }

            cellList.Add(new Cell(countList.Count - 1, key.X, key.Recency, key.Age, end - start));
            weightList[^1] += end - start;
            start = end;
        }

        keys = null;
        counts = [.. countList];
        countWeight = [.. weightList];
        cells = [.. cellList];
        ages = Keys(ageIndex);
        recencies = Keys(recencyIndex);
        zeroWeightByAge = new double[ages.Length];
        zeros.CopyTo(zeroWeightByAge);
        customers = columns.Count;
        Repeaters = columns.Count - (int)zeros.Sum();
        MeanAge = columns.Count == 0 ? 0.0 : age.Sum() / columns.Count;

        logAge = new double[ages.Length];
        inverseAge = new double[ages.Length];
        logRecency = new double[recencies.Length];
        inverseRecency = new double[recencies.Length];
        dropOut = new double[counts.Length];
        inverseB = new double[counts.Length];
        w = new double[counts.Length];
        q = new double[counts.Length];
        q1 = new double[counts.Length];
        q2 = new double[counts.Length];
    }

    public int Dimension => 4;

    /// <summary>Customers with at least one repeat purchase.</summary>
    public int Repeaters { get; }

    /// <summary>Mean T over all customers.</summary>
    public double MeanAge { get; }

    /// <summary>Distinct groups the sum runs over.</summary>
    public int Groups => cells.Length + zeroWeightByAge.Count(v => v > 0);

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, Span<double> hessian)
    {
        for (int i = 0; i < 4; i++)
        {
            if (!(theta[i] >= lowest && theta[i] <= highest))
            {
                return double.PositiveInfinity;
            }
        }

        double r = Math.Exp(theta[0]), alpha = Math.Exp(theta[1]), a = Math.Exp(theta[2]), b = Math.Exp(theta[3]);
        double logA = Math.Log(a);
        for (int i = 0; i < ages.Length; i++)
        {
            logAge[i] = Math.Log(alpha + ages[i]);
            inverseAge[i] = 1.0 / (alpha + ages[i]);
        }

        for (int i = 0; i < recencies.Length; i++)
        {
            logRecency[i] = Math.Log(alpha + recencies[i]);
            inverseRecency[i] = 1.0 / (alpha + recencies[i]);
        }

        for (int j = 0; j < counts.Length; j++)
        {
            dropOut[j] = logA - Math.Log(b + counts[j] - 1);
            inverseB[j] = 1.0 / (b + counts[j] - 1);
        }

        Array.Clear(w);
        Array.Clear(q);
        Array.Clear(q1);
        Array.Clear(q2);

        // ℓ and its derivatives in (r, α, a, b); H is symmetric, kept as its upper triangle.
        double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        double hrr = 0, hrAlpha = 0, hra = 0, hrb = 0, hAlphaAlpha = 0, hAlphaA = 0, hAlphaB = 0, haa = 0, hab = 0, hbb = 0;

        // Per group: ln[(α+T)^−m + a/(b+x−1) (α+t_x)^−m], m = r + x, a log-sum of two branches u and v,
        // with w the weight of v; the Hessian of a log-sum is the weighted Hessians plus w(1−w) ΔΔᵀ, Δ = ∇v − ∇u.
        foreach (ref readonly Cell cell in cells.AsSpan())
        {
            double n = cell.Weight, m = r + cell.X;
            double logT = logAge[cell.Age], invT = inverseAge[cell.Age];
            double logTx = logRecency[cell.Recency], invTx = inverseRecency[cell.Recency];
            double u = -m * logT;
            double v = dropOut[cell.Count] - m * logTx;
            double d = v - u;
            double s = Math.Abs(d) < 40.0 ? Math.Exp(-Math.Abs(d)) : 0.0; // below e^−40 the lesser branch is lost in rounding
            double share = 1.0 / (1.0 + s);
            double weightV = d > 0 ? share : s * share, weightU = d > 0 ? s * share : share;
            ll += n * (Math.Max(u, v) + Log1P(s));
            gr -= n * (weightU * logT + weightV * logTx);
            double mixedInverse = weightU * invT + weightV * invTx;
            gAlpha -= n * m * mixedInverse;
            hrAlpha -= n * mixedInverse;
            hAlphaAlpha += n * m * (weightU * invT * invT + weightV * invTx * invTx);
            double qq = n * weightV * weightU, d1 = logT - logTx, d2 = m * (invT - invTx);
            hrr += qq * d1 * d1;
            hrAlpha += qq * d1 * d2;
            hAlphaAlpha += qq * d2 * d2;
            w[cell.Count] += n * weightV;
            q[cell.Count] += qq;
            q1[cell.Count] += qq * d1;
            q2[cell.Count] += qq * d2;
        }

        for (int i = 0; i < ages.Length; i++)
        {
            double n = zeroWeightByAge[i];
            if (n > 0)
            {
                ll -= n * r * logAge[i];
                gr -= n * logAge[i];
                gAlpha -= n * r * inverseAge[i];
                hrAlpha -= n * inverseAge[i];
                hAlphaAlpha += n * r * inverseAge[i] * inverseAge[i];
            }
        }

        double logGammaR = LogGamma(r), logGammaB = LogGamma(b), logGammaAB = LogGamma(a + b);
        for (int j = 0; j < counts.Length; j++)
        {
            int x = counts[j];
            double n = countWeight[j], beta = inverseB[j];
            ll += n * (x <= ExactSteps
                ? LogCountTerms(r, a, b, x)
                : LogGamma(r + x) - logGammaR + logGammaAB + LogGamma(b + x) - logGammaB - LogGamma(a + b + x));
            gr += n * DigammaStep(r, x);
            hrr -= n * TrigammaStep(r, x);
            double ofSum = -DigammaStep(a + b, x), curvatureOfSum = TrigammaStep(a + b, x);
            ga += n * ofSum + w[j] / a;
            gb += n * (ofSum + DigammaStep(b, x)) - w[j] * beta;
            haa += n * curvatureOfSum - w[j] / (a * a) + q[j] / (a * a);
            hab += n * curvatureOfSum - q[j] * beta / a;
            hbb += n * (curvatureOfSum - TrigammaStep(b, x)) + w[j] * beta * beta + q[j] * beta * beta;
            hra += q1[j] / a;
            hrb -= q1[j] * beta;
            hAlphaA += q2[j] / a;
            hAlphaB -= q2[j] * beta;
        }

        double logAlpha = Math.Log(alpha);
        ll += customers * r * logAlpha;
        gr += customers * logAlpha;
        gAlpha += customers * r / alpha;
        hrAlpha += customers / alpha;
        hAlphaAlpha -= customers * r / (alpha * alpha);

        // To θ = ln p and to the negative log-likelihood: ∂/∂θ = p ∂/∂p, ∂²/∂θ² = p pᵀ ∘ H + diag(p ∘ g).
        ReadOnlySpan<double> p = [r, alpha, a, b];
        ReadOnlySpan<double> g = [gr, gAlpha, ga, gb];
        ReadOnlySpan<double> h =
        [
            hrr, hrAlpha, hra, hrb,
            hrAlpha, hAlphaAlpha, hAlphaA, hAlphaB,
            hra, hAlphaA, haa, hab,
            hrb, hAlphaB, hab, hbb,
        ];
        for (int i = 0; i < 4; i++)
        {
            gradient[i] = -p[i] * g[i];
            for (int j = 0; j < 4; j++)
            {
                hessian[i * 4 + j] = -p[i] * p[j] * h[i * 4 + j] - (i == j ? p[i] * g[i] : 0.0);
            }
        }

        return -ll;
    }

    // Up to this x, ln Γ(r+x)/Γ(r) and ln B(a, b+x)/B(a, b) are summed term by term, which keeps them
    // exact when b is large and a small (there the log-gamma differences cancel to noise).
    private const int ExactSteps = 32;

    // ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b) = Σ_{k<x} [ln(r+k) − ln(1 + a/(b+k))].
    private static double LogCountTerms(double r, double a, double b, int x)
    {
        double sum = 0.0;
        for (int k = 0; k < x; k++)
        {
            sum += Math.Log(r + k) - Log1P(a / (b + k));
        }

        return sum;
    }

    private static int IndexOf(Dictionary<double, int> index, double value)
    {
        if (!index.TryGetValue(value, out int i))
        {
            i = index.Count;
            index.Add(value, i);
        }

        return i;
    }

    private static double[] Keys(Dictionary<double, int> index)
    {
        var keys = new double[index.Count];
        foreach (var (value, i) in index)
        {
            keys[i] = value;
        }

        return keys;
    }

    private readonly record struct Cell(int Count, int X, int Recency, int Age, double Weight);

    private readonly record struct Key(int X, int Recency, int Age);

    private sealed class KeyOrder : IComparer<Key>
    {
        public int Compare(Key u, Key v) =>
            u.X != v.X ? u.X.CompareTo(v.X) : u.Recency != v.Recency ? u.Recency.CompareTo(v.Recency) : u.Age.CompareTo(v.Age);
    }
}
