using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

/// <summary>The identity collections of a <see cref="MemoryState"/>: plain dictionaries and lists of immutable records.</summary>
internal sealed class MemoryIdentityState
{
    internal SortedDictionary<(string System, string Id), SourceIdentity> Sources { get; private init; } = new(OrdinalPair.Instance);
    internal SortedDictionary<(string Customer, string Field), ValueSource> ValueSources { get; private init; } = new(OrdinalPair.Instance);
    internal List<KeptValue> Kept { get; private init; } = [];
    internal List<MergeRecord> Merges { get; private init; } = [];
    internal SortedDictionary<(string First, string Second), DuplicateMatch> Matches { get; private init; } = new(OrdinalPair.Instance);

    internal MemoryIdentityState Copy() => new()
    {
        Sources = new(Sources, OrdinalPair.Instance),
        ValueSources = new(ValueSources, OrdinalPair.Instance),
        Kept = [.. Kept],
        Merges = [.. Merges],
        Matches = new(Matches, OrdinalPair.Instance),
    };

    private sealed class OrdinalPair : IComparer<(string, string)>
    {
        internal static readonly OrdinalPair Instance = new();

        public int Compare((string, string) x, (string, string) y)
        {
            var first = string.CompareOrdinal(x.Item1, y.Item1);
            return first != 0 ? first : string.CompareOrdinal(x.Item2, y.Item2);
        }
    }
}

internal sealed class MemoryIdentities(MemorySession session) : IIdentityStore
{
    private MemoryIdentityState State => session.State.Identity;

    public ValueTask<SourceIdentity?> FindSourceAsync(string system, string id, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Sources.GetValueOrDefault((system, id)));
    }

    public ValueTask<IReadOnlyList<SourceIdentity>> SourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<SourceIdentity>>(State.Sources.Values.Where(s => s.Customer == customer).ToArray());
    }

    public ValueTask PutSourceAsync(SourceIdentity identity, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        State.Sources[(identity.System, identity.Id)] = identity;
        return ValueTask.CompletedTask;
    }

    public ValueTask<Page<SourceIdentity>> SourcesAsync(string? system, PageRequest page, CancellationToken cancellationToken)
    {
        session.Check();
        var items = State.Sources.Values.Where(s => system is null || s.System == system).Skip(page.Offset).Take(page.Size + 1).ToArray();
        return ValueTask.FromResult(new Page<SourceIdentity>(items.Take(page.Size).ToArray(), page.Offset, items.Length > page.Size));
    }

    public ValueTask<IReadOnlyList<ValueSource>> ValueSourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<ValueSource>>(State.ValueSources.Values.Where(v => v.Customer == customer).ToArray());
    }

    public ValueTask PutValueSourceAsync(ValueSource source, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        State.ValueSources[(source.Customer.Value, source.Field)] = source;
        return ValueTask.CompletedTask;
    }

    public ValueTask KeepAsync(KeptValue value, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        State.Kept.Add(value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<KeptValue>> KeptOfAsync(CustomerCode customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<KeptValue>>(State.Kept.Where(k => k.Customer == customer).ToArray());
    }

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = 0;
        foreach (var (key, source) in State.Sources.ToArray())
        {
            if (source.Customer != from) continue;
            State.Sources[key] = source with { Customer = to };
            moved++;
        }
        for (var i = 0; i < State.Kept.Count; i++)
        {
            if (State.Kept[i].Customer == from) State.Kept[i] = State.Kept[i] with { Customer = to, MergedFrom = State.Kept[i].MergedFrom ?? from };
        }
        foreach (var key in State.ValueSources.Keys.Where(k => k.Customer == from.Value).ToArray()) State.ValueSources.Remove(key);
        return ValueTask.FromResult(moved);
    }

    public ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        State.Merges.Add(merge);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<MergeRecord>> MergesIntoAsync(IReadOnlyCollection<CustomerCode> survivors, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<MergeRecord>>(State.Merges.Where(m => survivors.Contains(m.Survivor)).ToArray());
    }

    public ValueTask<DuplicateMatch?> FindMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult(State.Matches.GetValueOrDefault(Key(first, second)));
    }

    public ValueTask PutMatchAsync(DuplicateMatch match, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var (first, second) = DuplicateMatch.Pair(match.First, match.Second);
        State.Matches[(first.Value, second.Value)] = match with { First = first, Second = second };
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return ValueTask.FromResult(State.Matches.Remove(Key(first, second)));
    }

    public ValueTask<IReadOnlyList<DuplicateMatch>> MatchesAsync(CustomerCode? customer, CancellationToken cancellationToken)
    {
        session.Check();
        return ValueTask.FromResult<IReadOnlyList<DuplicateMatch>>(State.Matches.Values
            .Where(m => customer is not { } code || m.First == code || m.Second == code).ToArray());
    }

    private static (string, string) Key(CustomerCode a, CustomerCode b)
    {
        var (first, second) = DuplicateMatch.Pair(a, b);
        return (first.Value, second.Value);
    }
}
