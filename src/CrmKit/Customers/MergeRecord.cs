namespace CrmKit;

/// <summary>
/// What a merge did. The survivor gains the merged customer's interactions, tags, contact points,
/// consents (an opt-out on either side wins), stage history (marked with
/// <see cref="StageChange.MergedFrom"/>), group and any attribute, owner, grade, birthday or time
/// zone it lacked; its stats are rebuilt from the combined log; its care tasks and suppressions
/// (a task whose occasion and channel the survivor already has is kept, and withdrawn if open).
/// The merged customer's record is removed and its code resolves to the survivor from then on;
/// it leaves its segments at their next refresh, and their history keeps its entered/left events.
/// </summary>
/// <param name="Survivor">The customer that remains.</param>
/// <param name="Merged">The code that was merged away.</param>
/// <param name="At">When the merge happened.</param>
/// <param name="Actor">Who merged.</param>
/// <param name="Reason">Why (for example "same phone and ID number").</param>
/// <param name="InteractionsMoved">How many interactions moved to the survivor.</param>
/// <param name="StageChangesMoved">How many stage changes moved to the survivor.</param>
public sealed record MergeRecord(
    CustomerCode Survivor,
    CustomerCode Merged,
    DateTimeOffset At,
    string Actor,
    string Reason,
    int InteractionsMoved,
    int StageChangesMoved);
