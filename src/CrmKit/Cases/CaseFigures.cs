namespace CrmKit;

/// <summary>
/// Figures for one row of cases (all, a category or an owner) at a moment. Deadline rates count
/// decided deadlines only: met (answered or resolved by the due time) over met plus missed
/// (answered or resolved late, or still not by a due time already passed).
/// </summary>
/// <param name="Key">The category, owner or <c>all</c>.</param>
/// <param name="Cases">Cases in the row.</param>
/// <param name="Open">Of them, the ones still active (not resolved or closed).</param>
/// <param name="OpenByAge">Active cases by age since opening, one count per age band.</param>
/// <param name="FirstResponseMet">First-response deadlines met over those decided.</param>
/// <param name="ResolutionMet">Resolution deadlines met over those decided.</param>
/// <param name="TimeToFirstResponse">Time from opening to the first response, over cases answered.</param>
/// <param name="TimeToResolution">Time from opening to the current resolution, over cases resolved.</param>
public sealed record CaseFigures(string Key, int Cases, int Open, IReadOnlyList<AgeBandCount> OpenByAge, Rate FirstResponseMet, Rate ResolutionMet,
    DurationSummary? TimeToFirstResponse, DurationSummary? TimeToResolution);
