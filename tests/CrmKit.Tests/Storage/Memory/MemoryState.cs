using CrmKit.Loyalty;
using CrmKit.Storage;
using CrmKit.Value;

namespace CrmKit.Tests.Storage.Memory;

/// <summary>
/// Everything a <see cref="MemoryStore"/> holds, in plain collections of immutable records. A write
/// works on a copy and the copy replaces the committed state when the write commits, so readers
/// always see one committed state and a failed write leaves nothing behind.
/// </summary>
internal sealed class MemoryState
{
    internal Dictionary<string, StoredCustomer> Customers { get; private init; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> Aliases { get; private init; } = new(StringComparer.Ordinal);
    internal List<MergeRecord> Merges { get; private init; } = [];
    internal SortedDictionary<long, Interaction> Interactions { get; private init; } = [];
    internal List<StageChange> Stages { get; private init; } = [];
    internal SortedDictionary<string, StoredSegment> Segments { get; private init; } = new(StringComparer.Ordinal);
    internal SortedDictionary<(string Segment, string Code), SegmentMembership> Members { get; private init; } = new(MemberOrder.Instance);
    internal List<SegmentEvent> Events { get; private init; } = [];
    internal SortedDictionary<long, (CareTask Task, string Key)> Tasks { get; private init; } = [];
    internal Dictionary<string, CareSuppression> Suppressions { get; private init; } = new(StringComparer.Ordinal);
    internal List<GradeChange> Grades { get; private init; } = [];
    internal Dictionary<string, Claim> Claims { get; private init; } = new(StringComparer.Ordinal);
    internal List<ValueFit> Fits { get; private init; } = [];
    internal SortedDictionary<string, CustomerValue> Values { get; private init; } = new(StringComparer.Ordinal);
    internal Dictionary<string, DateTimeOffset> JobRuns { get; private init; } = new(StringComparer.Ordinal);
    internal Dictionary<string, long> Cursors { get; private init; } = new(StringComparer.Ordinal);
    internal Dictionary<string, long> GoneMarks { get; private init; } = new(StringComparer.Ordinal);
    internal List<ErasureRecord> Erasures { get; private init; } = [];
    internal string? Configuration { get; set; }
    internal SortedDictionary<long, CaseRecord> Cases { get; private init; } = [];
    internal long NextCase { get; set; } = 1;
    internal SortedDictionary<string, Campaign> Campaigns { get; private init; } = new(StringComparer.Ordinal);
    internal SortedDictionary<string, CampaignTemplate> Templates { get; private init; } = new(StringComparer.Ordinal);
    internal Dictionary<string, CampaignAssignment> Assignments { get; private init; } = new(StringComparer.Ordinal);
    internal SortedDictionary<long, ContactAttempt> Attempts { get; private init; } = [];
    internal SortedDictionary<long, OwnerChange> OwnerChanges { get; private init; } = [];
    internal Dictionary<string, LedgerEntry[]> Ledgers { get; private init; } = new(StringComparer.Ordinal);
    internal SortedDictionary<string, Referral> Referrals { get; private init; } = new(StringComparer.Ordinal);
    internal MemoryIdentityState Identity { get; private init; } = new();
    internal long Sequence { get; set; }
    internal long NextInteraction { get; set; } = 1;
    internal long NextTask { get; set; } = 1;

    internal MemoryState Copy() => new()
    {
        Customers = new(Customers, StringComparer.Ordinal),
        Aliases = new(Aliases, StringComparer.Ordinal),
        Merges = [.. Merges],
        Interactions = new(Interactions),
        Stages = [.. Stages],
        Segments = new(Segments, StringComparer.Ordinal),
        Members = new(Members, MemberOrder.Instance),
        Events = [.. Events],
        Tasks = new(Tasks),
        Suppressions = new(Suppressions, StringComparer.Ordinal),
        Grades = [.. Grades],
        Claims = new(Claims, StringComparer.Ordinal),
        Fits = [.. Fits],
        Values = new(Values, StringComparer.Ordinal),
        JobRuns = new(JobRuns, StringComparer.Ordinal),
        Cursors = new(Cursors, StringComparer.Ordinal),
        GoneMarks = new(GoneMarks, StringComparer.Ordinal),
        Erasures = [.. Erasures],
        Configuration = Configuration,
        Cases = new(Cases),
        NextCase = NextCase,
        Campaigns = new(Campaigns, StringComparer.Ordinal),
        Templates = new(Templates, StringComparer.Ordinal),
        Assignments = new(Assignments, StringComparer.Ordinal),
        Attempts = new(Attempts),
        OwnerChanges = new(OwnerChanges),
        Ledgers = new(Ledgers, StringComparer.Ordinal),
        Referrals = new(Referrals, StringComparer.Ordinal),
        Identity = Identity.Copy(),
        Sequence = Sequence,
        NextInteraction = NextInteraction,
        NextTask = NextTask,
    };

    private sealed class MemberOrder : IComparer<(string Segment, string Code)>
    {
        internal static readonly MemberOrder Instance = new();

        public int Compare((string Segment, string Code) x, (string Segment, string Code) y)
        {
            var bySegment = string.CompareOrdinal(x.Segment, y.Segment);
            return bySegment != 0 ? bySegment : string.CompareOrdinal(x.Code, y.Code);
        }
    }
}

/// <summary>A customer with its stats and the change number of the last write that changed it.</summary>
internal sealed record StoredCustomer(Customer Customer, CustomerStats Stats, long Mark);
