namespace CrmKit;

/// <summary>
/// The rates that judge staff, channels and campaigns, as pure computations over rows a store
/// query supplies. Every rate is a count over a count (formulas in docs/campaigns.md) and can be
/// cut by segment, owner, channel, campaign or period.
/// </summary>
internal static class RateCalculator
{
    internal const string RetentionFormula = "at-risk customers contacted who stayed / at-risk customers contacted";
    internal const string ContactSuccessFormula = "attempts that reached the customer / attempts";
    internal const string OfferAcceptanceFormula = "offers accepted / offers accepted or declined";
    internal const string ParticipationFormula = "customers who took part / customers invited";

    /// <summary>Retention success: of the at-risk customers who were contacted, the share who stayed.</summary>
    internal static RateReport RetentionSuccess(IEnumerable<RetentionCase> cases, RateCut cut) =>
        Count("retention-success", RetentionFormula, cut, cases.Where(c => c.Contacted).Select(c => (c.At, c.Context, c.Stayed)));

    /// <summary>Contact success over attempts: the share of attempts whose outcome was <see cref="AttemptOutcome.Reached"/>, cut by the channel actually used.</summary>
    internal static RateReport ContactSuccess(IEnumerable<ContactAttempt> attempts, Func<ContactAttempt, RateContext> context, RateCut cut) =>
        Count("contact-success", ContactSuccessFormula, cut,
            attempts.Select(a => (a.At, context(a) with { Channel = a.Channel }, a.Outcome == AttemptOutcome.Reached)));

    /// <summary>Offer acceptance: of the offers the customer answered, the share accepted.</summary>
    internal static RateReport OfferAcceptance(IEnumerable<OfferDecision> decisions, RateCut cut) =>
        Count("offer-acceptance", OfferAcceptanceFormula, cut, decisions.Where(d => d.Accepted is not null).Select(d => (d.At, d.Context, d.Accepted!.Value)));

    /// <summary>Participation: of the customers invited, the share who took part.</summary>
    internal static RateReport Participation(IEnumerable<ParticipationCase> cases, RateCut cut) =>
        Count("participation", ParticipationFormula, cut, cases.Select(c => (c.At, c.Context, c.Participated)));

    /// <summary>
    /// Churn over [<paramref name="from"/>, <paramref name="to"/>). A period cut splits the span at
    /// local period starts and computes each part on its own (its denominator is who was active at
    /// that part's start); other cuts count each customer at <paramref name="from"/>.
    /// </summary>
    internal static RateReport ChurnRate(IEnumerable<ChurnSubject> subjects, ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to, RateCut cut)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (to <= from) throw new CrmValidationException("to", $"{to:o} is not after {from:o}.");
        var list = subjects.ToList();
        var formula = definition.Describe();
        if (cut.Dimension != RateDimension.Period)
            return Count("churn", formula, cut, list.SelectMany(s => Churn(s, definition, from, to) is { } churned ? [(from, s.Context, churned)] : Array.Empty<(DateTimeOffset, RateContext, bool)>()));

        var rows = new List<RateRow>();
        var start = from;
        while (start < to)
        {
            var next = LocalClock.At(cut.NextPeriodStart(LocalClock.DateOf(start, cut.Zone!)), TimeOnly.MinValue, cut.Zone!);
            var end = next < to ? next : to;
            var counted = list.Select(s => Churn(s, definition, start, end)).Where(c => c is not null).ToList();
            rows.Add(new(cut.Label(LocalClock.DateOf(start, cut.Zone!)), new(counted.Count(c => c == true), counted.Count)));
            start = end;
        }
        return new("churn", formula, cut, rows);
    }

    /// <summary>Null when the customer is not in the denominator; otherwise whether they churned in [from, to).</summary>
    internal static bool? Churn(ChurnSubject subject, ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to)
    {
        if (definition.Stage is { } churnedStage)
        {
            var before = subject.Stages.Where(s => s.MergedFrom is null && s.At < from).OrderBy(s => s.At).LastOrDefault();
            if (before is null || before.To == churnedStage) return null;
            return subject.Stages.Any(s => s.MergedFrom is null && s.To == churnedStage && s.At >= from && s.At < to);
        }

        var purchases = subject.Purchases.Order().ToArray();
        var earlier = purchases.Where(p => p < from).ToArray();
        if (earlier.Length < definition.MinimumPurchases) return null;
        var gap = (earlier[^1] - earlier[0]) / (earlier.Length - 1);
        var allowed = gap * definition.Multiple;
        var cursor = earlier[^1];
        if (cursor + allowed < from) return null;
        foreach (var p in purchases.Where(p => p >= from && p < to))
        {
            if (cursor + allowed < p) return true;
            cursor = p;
        }
        return cursor + allowed < to;
    }

    private static RateReport Count(string name, string formula, RateCut cut, IEnumerable<(DateTimeOffset At, RateContext Context, bool Success)> events)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var counts = new SortedDictionary<string, (int Numerator, int Denominator)>(StringComparer.Ordinal);
        foreach (var (at, context, success) in events)
        {
            foreach (var key in cut.Keys(at, context))
            {
                var (n, d) = counts.GetValueOrDefault(key);
                counts[key] = (n + (success ? 1 : 0), d + 1);
            }
        }
        return new(name, formula, cut, counts.Select(c => new RateRow(c.Key, new Rate(c.Value.Numerator, c.Value.Denominator))).ToArray());
    }
}
