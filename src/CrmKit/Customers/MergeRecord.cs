namespace CrmKit;

/// <summary>
/// What a merge did. A merge loses nothing. The survivor gains the merged customer's interactions,
/// tags, contact points, consents (an opt-out on either side wins), stage history and grade history
/// (marked with <see cref="StageChange.MergedFrom"/> and <see cref="GradeChange.MergedFrom"/>),
/// source-system identifiers, group and any attribute, owner, grade, birthday or time zone it
/// lacked; where both records held a different value, the survivor keeps its own and the merged
/// record's value is kept as a <see cref="KeptValue"/> with the system and time it came from, and
/// so is the merged record's name when it differs (an alias, see <see cref="IdentityBook.Names"/>).
/// The survivor keeps the claim in force (its own when both are); the other claim is kept in
/// <see cref="KeptClaim"/>. Its stats are rebuilt from the combined log; its care tasks and
/// suppressions move (a task whose occasion and channel the survivor already has is kept, and
/// withdrawn if open). Review-list entries of the pair are removed and those of the merged code
/// re-pointed to the survivor. The merged customer's record is removed and its code resolves to
/// the survivor from then on; it leaves its segments at their next refresh, and their history
/// keeps its entered/left events. The record is kept in the merge history
/// (<see cref="IdentityBook.Merges"/>).
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
    int StageChangesMoved)
{
    /// <summary>How many grade changes and reviews moved to the survivor.</summary>
    public int GradeChangesMoved { get; init; }

    /// <summary>How many source-system identifiers moved to the survivor.</summary>
    public int IdentitiesMoved { get; init; }

    /// <summary>How many of the merged record's values (name, attributes, owner…) were kept aside because the survivor held another.</summary>
    public int ValuesKept { get; init; }

    /// <summary>
    /// The claim that did not become the survivor's: the merged customer's when the survivor kept
    /// its own, or the survivor's earlier one when the merged customer's claim took its place; null
    /// when at most one of them had a claim.
    /// </summary>
    public Claim? KeptClaim { get; init; }
}
