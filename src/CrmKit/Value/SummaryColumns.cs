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
                // The same checks as a PurchaseSummary; its constructor names the customer and the field.
                _ = new PurchaseSummary(codes[i], frequency[i], recency[i], age[i],
                    double.IsFinite(averageRepeatSpend[i]) && averageRepeatSpend[i] >= 0.0 ? (decimal)averageRepeatSpend[i] : -1m, totalSpend[i]);
            }
        }

        Codes = codes;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        AverageRepeatSpend = averageRepeatSpend;
        TotalSpend = totalSpend;
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
