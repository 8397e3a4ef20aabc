namespace CrmKit.Value;

/// <summary>
/// A customer base's <see cref="PurchaseSummary"/> figures as parallel arrays, one entry per customer:
/// what the fit and the scoring read, without an object per customer.
/// </summary>
/// <remarks>The arrays are owned by the instance once passed in; nothing here changes them.</remarks>
internal sealed class SummaryColumns
{
    /// <summary>Takes the arrays as they are, checking every row as <see cref="PurchaseSummary"/> would.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or a row is invalid (the message names the customer).</exception>
    public SummaryColumns(string[] codes, int[] frequency, double[] recency, double[] age, double[] averageRepeatSpend, decimal[] totalSpend)
        : this(codes, frequency, recency, age, averageRepeatSpend, totalSpend, check: true)
    {
    }

    private SummaryColumns(string[] codes, int[] frequency, double[] recency, double[] age, double[] averageRepeatSpend, decimal[] totalSpend, bool check)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(age);
        ArgumentNullException.ThrowIfNull(averageRepeatSpend);
        ArgumentNullException.ThrowIfNull(totalSpend);
        int n = codes.Length;
        if (frequency.Length != n || recency.Length != n || age.Length != n || averageRepeatSpend.Length != n || totalSpend.Length != n)
        {
            throw new ArgumentException($"The summary columns must have one entry per customer ({n}), but have {frequency.Length}, {recency.Length}, {age.Length}, {averageRepeatSpend.Length} and {totalSpend.Length}.", nameof(frequency));
        }

        if (check)
        {
            for (int i = 0; i < n; i++)
            {
                CheckRow(codes[i], frequency[i], recency[i], age[i], averageRepeatSpend[i], totalSpend[i]);
            }
        }

        Codes = codes;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        AverageRepeatSpend = averageRepeatSpend;
        TotalSpend = totalSpend;
    }

    // The rules of the PurchaseSummary constructor, without making one per customer.
    private static void CheckRow(string code, int frequency, double recency, double age, double averageRepeatSpend, decimal totalSpend)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("A customer code in the summary columns is empty.", "codes");
        }

        if (frequency < 0)
        {
            throw new ArgumentOutOfRangeException("frequency", frequency, $"Frequency of customer '{code}' must be zero or more.");
        }

        if (!double.IsFinite(recency) || recency < 0.0)
        {
            throw new ArgumentOutOfRangeException("recency", recency, $"Recency of customer '{code}' must be a finite number of zero or more.");
        }

        if (!double.IsFinite(age) || age < recency)
        {
            throw new ArgumentOutOfRangeException("age", age, $"Age of customer '{code}' must be finite and at least its recency {recency}.");
        }

        if (!double.IsFinite(averageRepeatSpend) || averageRepeatSpend < 0.0 || totalSpend < 0m)
        {
            throw new ArgumentOutOfRangeException("averageRepeatSpend", averageRepeatSpend, $"Spend of customer '{code}' must be finite and zero or more.");
        }

        if (frequency == 0 && (recency != 0.0 || averageRepeatSpend != 0.0))
        {
            throw new ArgumentException($"Customer '{code}' has no repeat purchase, so recency and average repeat spend must be 0.", "frequency");
        }
    }

    /// <summary>The number of customers.</summary>
    public int Count => Codes.Length;

    /// <summary>Customer codes.</summary>
    public string[] Codes { get; }

    /// <summary>x: repeat purchase days.</summary>
    public int[] Frequency { get; }

    /// <summary>t_x in model units.</summary>
    public double[] Recency { get; }

    /// <summary>T in model units.</summary>
    public double[] Age { get; }

    /// <summary>z̄, as the models compute with it (a double).</summary>
    public double[] AverageRepeatSpend { get; }

    /// <summary>All spend in the window.</summary>
    public decimal[] TotalSpend { get; }

    /// <summary>The columns of <paramref name="summaries"/>, in their order.</summary>
    /// <exception cref="ArgumentNullException">The sequence or one of its items is null.</exception>
    public static SummaryColumns From(IEnumerable<PurchaseSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        IReadOnlyCollection<PurchaseSummary> all = summaries as IReadOnlyCollection<PurchaseSummary> ?? summaries.ToArray();
        int n = all.Count, i = 0;
        var codes = new string[n];
        var frequency = new int[n];
        var recency = new double[n];
        var age = new double[n];
        var mean = new double[n];
        var total = new decimal[n];
        foreach (PurchaseSummary s in all)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(summaries));
            codes[i] = s.CustomerCode;
            frequency[i] = s.Frequency;
            recency[i] = s.Recency;
            age[i] = s.Age;
            mean[i] = (double)s.AverageRepeatSpend;
            total[i] = s.TotalSpend;
            i++;
        }

        return new SummaryColumns(codes, frequency, recency, age, mean, total, check: false);
    }
}
