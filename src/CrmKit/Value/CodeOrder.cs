namespace CrmKit.Value;

/// <summary>The ordinal order of customer codes, the tie-break of every ranking in value scoring.</summary>
internal static class CodeOrder
{
    /// <summary>
    /// ranks[i] = the position of codes[i] among all codes in ordinal order, so rankings can break ties
    /// by comparing two integers instead of two strings. Codes already in order (as summaries are built)
    /// cost one pass. <paramref name="duplicate"/> is a code that appears twice, or null.
    /// </summary>
    public static int[] Ranks(IReadOnlyList<string> codes, out string? duplicate)
    {
        int n = codes.Count;
        var ranks = new int[n];
        duplicate = null;
        bool ordered = true;
        for (int i = 1; i < n && ordered; i++)
        {
            ordered = string.CompareOrdinal(codes[i - 1], codes[i]) < 0;
        }

        if (ordered)
        {
            for (int i = 0; i < n; i++)
            {
                ranks[i] = i;
            }

            return ranks;
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) => string.CompareOrdinal(codes[i], codes[j]));
        for (int position = 0; position < n; position++)
        {
            ranks[order[position]] = position;
            if (position > 0 && duplicate is null && string.Equals(codes[order[position - 1]], codes[order[position]], StringComparison.Ordinal))
            {
                duplicate = codes[order[position]];
            }
        }

        return ranks;
    }
}
