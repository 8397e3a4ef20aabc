namespace CrmKit;

/// <summary>Case figures as a pure computation over cases a store query supplies.</summary>
internal static class CaseFigureCalculator
{
    /// <summary>The default age bands of open cases: under 1 day, 1–3 days, 3–7 days, 7 days and more.</summary>
    internal static readonly TimeSpan[] DefaultAgeBounds = [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)];

    /// <summary>Figures per row of <paramref name="cut"/> at <paramref name="now"/>, rows in ordinal key order.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="now">The moment the figures are for; ages and passed deadlines are counted at it.</param>
    /// <param name="cut">How rows are split.</param>
    /// <param name="ageBounds">The age band bounds, increasing and positive; null for <see cref="DefaultAgeBounds"/>.</param>
    /// <param name="calendar">When given, times to response and resolution are counted in its working time; otherwise in elapsed time.</param>
    internal static IReadOnlyList<CaseFigures> Compute(IEnumerable<ServiceCase> cases, DateTimeOffset now, CaseFigureCut cut,
        IReadOnlyList<TimeSpan>? ageBounds = null, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var bounds = ageBounds?.ToArray() ?? DefaultAgeBounds;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (bounds[i] <= TimeSpan.Zero || (i > 0 && bounds[i] <= bounds[i - 1]))
                throw new CrmValidationException($"ageBounds[{i}]", $"{bounds[i]} is not positive and greater than the bound before.");
        }
        TimeSpan Span(DateTimeOffset from, DateTimeOffset to) => calendar?.Between(from, to) ?? to - from;
        string Key(ServiceCase c) => cut switch
        {
            CaseFigureCut.Category => c.Category,
            CaseFigureCut.Owner => c.Owner ?? RateCut.None,
            _ => "all",
        };

        return cases.GroupBy(Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var list = group.ToList();
            var active = list.Where(c => CaseLifecycle.IsActive(c.Status)).ToList();
            var bands = new int[bounds.Length + 1];
            foreach (var c in active)
            {
                var age = now - c.OpenedAt;
                var band = 0;
                while (band < bounds.Length && age >= bounds[band]) band++;
                bands[band]++;
            }
            var byAge = bands.Select((count, i) => new AgeBandCount(i == 0 ? TimeSpan.Zero : bounds[i - 1], i < bounds.Length ? bounds[i] : null, count)).ToArray();
            var resolvedAt = list.Select(c => (Case: c, At: c.Resolution?.At)).ToList();
            return new CaseFigures(group.Key, list.Count, active.Count, byAge,
                Met(list.Select(c => (c.FirstResponseAt, c.FirstResponseDue)), now),
                Met(resolvedAt.Select(r => (r.At, r.Case.ResolutionDue)), now),
                DurationSummary.Of(list.Where(c => c.FirstResponseAt is not null).Select(c => Span(c.OpenedAt, c.FirstResponseAt!.Value))),
                DurationSummary.Of(resolvedAt.Where(r => r.At is not null).Select(r => Span(r.Case.OpenedAt, r.At!.Value))));
        }).ToArray();
    }

    /// <summary>Met over decided: done by the due time, against done late or not done with the due time passed.</summary>
    private static Rate Met(IEnumerable<(DateTimeOffset? Done, DateTimeOffset Due)> deadlines, DateTimeOffset now)
    {
        int met = 0, decided = 0;
        foreach (var (done, due) in deadlines)
        {
            if (done is { } at)
            {
                decided++;
                if (at <= due) met++;
            }
            else if (now > due) decided++;
        }
        return new(met, decided);
    }
}
