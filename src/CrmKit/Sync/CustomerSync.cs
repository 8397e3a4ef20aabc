using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// One sync of a feed (see <see cref="CustomerBook.Sync"/>): every record is checked first, then
/// all are applied in one write, or none is. A record finds its customer by code or through the
/// identity map; an existing customer is updated through the same path as
/// <see cref="CustomerBook.Update"/>, a new one is created and matched against the base and the
/// feed's earlier records, and either merged at once (where <see cref="SyncOptions.MergeOn"/> says
/// so) or put on the review list.
/// </summary>
internal sealed class CustomerSync(CrmContext context, CustomerBook customers, SyncOptions options)
{
    private readonly List<SyncedRecord> _records = [];
    private readonly List<DuplicateMatch> _matches = [];
    private readonly List<MergeRecord> _merges = [];
    private int _kept;
    private MatchIndex? _index;
    private DateTimeOffset _now;

    internal ValueTask<SyncResult> RunAsync(IEnumerable<SourceRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var prepared = Check(records.ToArray());
        _now = context.Now;
        return context.Write(async (s, c) =>
        {
            _records.Clear();
            _matches.Clear();
            _merges.Clear();
            _kept = 0;
            _index = null;
            for (var i = 0; i < prepared.Length; i++)
            {
                c.ThrowIfCancellationRequested();
                try
                {
                    await ApplyAsync(s, i, prepared[i], c).ConfigureAwait(false);
                }
                catch (CrmValidationException e) when (!e.Field.StartsWith("records[", StringComparison.Ordinal))
                {
                    throw e.Under($"records[{i}]");
                }
            }
            return new SyncResult([.. _records], [.. _matches], [.. _merges], _kept);
        }, ct);
    }

    /// <summary>Checks the options and every record before anything is written.</summary>
    private SourceRecord[] Check(SourceRecord[] records)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.System is not null) Require.Identifier(options.System, "system");
        if (options.Key == SyncKey.SourceId && options.System is null)
            throw new CrmValidationException("system", "is required when records are keyed by source identifier.");
        Require.Name(options.Actor, "actor");
        var schema = context.Options.Attributes.Attributes;
        foreach (var name in options.IdentityAttributes ?? throw new CrmValidationException("identityAttributes", "is null."))
        {
            if (!schema.ContainsKey(name)) throw new CrmValidationException("identityAttributes", $"'{name}' is not declared in the attribute schema.");
        }
        foreach (var on in options.MergeOn ?? throw new CrmValidationException("mergeOn", "is null."))
        {
            if (on is not ("phone" or "email") && !options.IdentityAttributes.Contains(on, StringComparer.Ordinal))
                throw new CrmValidationException("mergeOn", $"'{on}' is neither phone, email nor one of the identity attributes ({string.Join(", ", options.IdentityAttributes)}).");
        }

        var prepared = new SourceRecord[records.Length];
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i] ?? throw new CrmValidationException($"records[{i}]", "is null.");
            try
            {
                prepared[i] = CheckOne(record);
            }
            catch (CrmValidationException e)
            {
                throw e.Under($"records[{i}]");
            }
            var key = options.Key == SyncKey.Code ? prepared[i].Profile.Code.Value : prepared[i].SourceId!;
            var field = options.Key == SyncKey.Code ? "code" : "sourceId";
            if (!keys.TryAdd(key, i)) throw new CrmValidationException($"records[{i}].{field}", $"'{key}' is also the {field} of records[{keys[key]}].");
        }
        return prepared;
    }

    private SourceRecord CheckOne(SourceRecord record)
    {
        if (record.Profile is null) throw new CrmValidationException("profile", "is null.");
        if (record.SourceId is not null) SourceIdentity.Check(options.System ?? "unnamed", record.SourceId);
        else if (options.Key == SyncKey.SourceId) throw new CrmValidationException("sourceId", "is required when records are keyed by source identifier.");
        if (record.Stage is { } stage && !context.Options.Stages.Contains(stage))
            throw new CrmValidationException("stage", $"'{stage}' is not a stage of the model ({string.Join(", ", context.Options.Stages.Stages)}).");
        var profile = record.Profile;
        var coded = profile.Code != default;
        if (!coded && options.Key == SyncKey.Code) throw new CrmValidationException("code", "is required but was empty.");
        if (profile.Grade is not null) GradeBook.Check(context.Options, profile.Grade);
        // A record keyed by source identifier may leave the code to be made; check the rest as a profile.
        var checkedProfile = (coded ? profile : profile with { Code = new CustomerCode("unassigned") }).Normalize(context.Options.Attributes);
        return record with { Profile = coded ? checkedProfile : checkedProfile with { Code = default } };
    }

    private async ValueTask ApplyAsync(IStoreSession s, int index, SourceRecord record, CancellationToken c)
    {
        var existing = await FindAsync(s, record, c).ConfigureAwait(false);
        if (existing is { } found)
        {
            if (!options.Update)
                throw new CrmValidationException(options.Key == SyncKey.Code ? "code" : "sourceId",
                    $"customer '{found.Code}' already exists (import with updates to change it).");
            _records.Add(new SyncedRecord(index, found.Code, await UpdateAsync(s, found, record, c).ConfigureAwait(false)));
            return;
        }
        _records.Add(await CreateAsync(s, index, record, c).ConfigureAwait(false));
    }

    /// <summary>The stored customer the record's key names, or null for a new one.</summary>
    private async ValueTask<Customer?> FindAsync(IStoreSession s, SourceRecord record, CancellationToken c)
    {
        CustomerCode code;
        if (options.Key == SyncKey.Code) code = record.Profile.Code;
        else if (await s.Identities.FindSourceAsync(options.System!, record.SourceId!, c).ConfigureAwait(false) is { } link) code = link.Customer;
        // Not in the identity map yet, but the record names a stored customer's code: that is the one, to be linked.
        else if (record.Profile.Code != default) code = record.Profile.Code;
        else return null;
        var resolved = await CrmContext.ResolveAsync(s, code, c).ConfigureAwait(false);
        return (await s.Customers.FindAsync(resolved, c).ConfigureAwait(false))?.Customer;
    }

    private async ValueTask<SyncAction> UpdateAsync(IStoreSession s, Customer current, SourceRecord record, CancellationToken c)
    {
        var code = current.Code;
        var sources = options.System is null ? [] : await s.Identities.ValueSourcesOfAsync(code, c).ConfigureAwait(false);
        var kept = options.System is null ? [] : await s.Identities.KeptOfAsync(code, c).ConfigureAwait(false);
        var values = new FeedValues(current, sources, kept, options.System, _now);
        var changed = values.Apply(record.Profile);
        var stored = current;
        if (values.Changed)
        {
            stored = await CustomerBook.StoreUpdateAsync(s, code, current, changed, _now, ImportReason, options.Actor, options.Actor, c).ConfigureAwait(false);
            _index?.Add(stored);
        }
        foreach (var source in values.Sources) await s.Identities.PutValueSourceAsync(source, c).ConfigureAwait(false);
        foreach (var value in values.Kept) await s.Identities.KeepAsync(value, c).ConfigureAwait(false);
        _kept += values.Kept.Count;
        var moved = await MoveStageAsync(s, stored, record.Stage, c).ConfigureAwait(false);
        var linked = await LinkAsync(s, record, code, c).ConfigureAwait(false);
        return values.Changed || moved || linked ? SyncAction.Updated : SyncAction.Unchanged;
    }

    private async ValueTask<bool> MoveStageAsync(IStoreSession s, Customer current, StageId? to, CancellationToken c)
    {
        if (to is not { } stage || stage == current.Stage) return false;
        var model = context.Options.Stages;
        if (!model.Allows(current.Stage, stage))
        {
            var allowed = model.AllowedFrom(current.Stage);
            throw new CrmValidationException("stage", $"customer '{current.Code}' is in '{current.Stage}', and the stage model does not allow '{current.Stage}' -> '{stage}' " +
                $"(allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}).");
        }
        await LifecycleBook.MoveAsync(s, current, stage, _now, "imported", options.Actor, c).ConfigureAwait(false);
        return true;
    }

    /// <summary>Links the record's source identifier to <paramref name="code"/>; false when it already was.</summary>
    private async ValueTask<bool> LinkAsync(IStoreSession s, SourceRecord record, CustomerCode code, CancellationToken c)
    {
        if (options.System is not { } system || record.SourceId is not { } id) return false;
        var link = await s.Identities.FindSourceAsync(system, id, c).ConfigureAwait(false);
        if (link is not null && link.Customer == code) return false;
        await s.Identities.PutSourceAsync(new SourceIdentity(system, id, code, link?.LinkedAt ?? _now), c).ConfigureAwait(false);
        return true;
    }

    private async ValueTask<SyncedRecord> CreateAsync(IStoreSession s, int index, SourceRecord record, CancellationToken c)
    {
        var profile = record.Profile;
        if (profile.Code == default) profile = profile with { Code = await FreeCodeAsync(s, record.SourceId!, c).ConfigureAwait(false) };
        var stage = record.Stage ?? context.Options.Stages.Initial;
        _index ??= await IndexAsync(s, c).ConfigureAwait(false);
        var created = await CustomerBook.Insert(s, customers.Prepare(profile, stage, _now), options.Actor,
            Router.For(context.Options.Routing, AssignmentScope.Customers, s), c, record.Stage is null ? "created" : "imported").ConfigureAwait(false);
        if (options.System is { } system)
        {
            foreach (var source in FeedValues.SourcesOf(created, system, _now)) await s.Identities.PutValueSourceAsync(source, c).ConfigureAwait(false);
        }
        await LinkAsync(s, record, created.Code, c).ConfigureAwait(false);

        var candidates = _index.Probe(created);
        _index.Add(created);
        var mergeReasons = options.MergeOn.Select(MatchIndex.ReasonFor).ToHashSet(StringComparer.Ordinal);
        var into = candidates.Where(m => m.Reasons.Any(mergeReasons.Contains)).Select(m => m.First == created.Code ? m.Second : m.First).ToArray();
        if (into.Length == 1)
        {
            var why = candidates.Single(m => m.First == into[0] || m.Second == into[0]).Reasons;
            var merge = await new CustomerMerger(context).MergeInAsync(s, into[0], created.Code, options.Actor,
                $"{FoundBy}: {string.Join(", ", why)}", c).ConfigureAwait(false);
            _merges.Add(merge);
            foreach (var other in candidates.Where(m => m.First != into[0] && m.Second != into[0]))
                await ReviewAsync(s, other with { First = into[0], Second = other.First == created.Code ? other.Second : other.First }, c).ConfigureAwait(false);
            return new SyncedRecord(index, into[0], SyncAction.Merged);
        }
        foreach (var candidate in candidates) await ReviewAsync(s, candidate, c).ConfigureAwait(false);
        return new SyncedRecord(index, created.Code, SyncAction.Created);
    }

    /// <summary>Adds a pair to the review list, unless it is there already (open or dismissed).</summary>
    private async ValueTask ReviewAsync(IStoreSession s, DuplicateCandidate candidate, CancellationToken c)
    {
        if (candidate.First == candidate.Second) return;
        if (await s.Identities.FindMatchAsync(candidate.First, candidate.Second, c).ConfigureAwait(false) is not null) return;
        var (first, second) = DuplicateMatch.Pair(candidate.First, candidate.Second);
        var match = new DuplicateMatch(first, second, candidate.Reasons, candidate.Score, _now, FoundBy);
        await s.Identities.PutMatchAsync(match, c).ConfigureAwait(false);
        _matches.Add(match);
    }

    private string FoundBy => options.System is null ? "import" : "import " + options.System;

    private string ImportReason => options.System is null ? "imported" : "imported from " + options.System;

    /// <summary>The match index over every customer stored now.</summary>
    private async ValueTask<MatchIndex> IndexAsync(IStoreSession s, CancellationToken c)
    {
        var index = new MatchIndex(options.IdentityAttributes);
        await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), c).ConfigureAwait(false))
        {
            foreach (var snapshot in chunk.Where(x => x.Customer.ErasedAt is null)) index.Add(snapshot.Customer);
        }
        return index;
    }

    /// <summary>A code for a new customer known only by its source identifier: <c>SYSTEM-ID</c>, with <c>-2</c>, <c>-3</c>… when taken.</summary>
    private async ValueTask<CustomerCode> FreeCodeAsync(IStoreSession s, string sourceId, CancellationToken c)
    {
        var stem = $"{options.System}-{sourceId}";
        if (stem.Length > Require.MaxNameLength - 8) stem = stem[..(Require.MaxNameLength - 8)].TrimEnd();
        for (var n = 1; ; n++)
        {
            var code = new CustomerCode(n == 1 ? stem : $"{stem}-{n}");
            if (await s.Customers.ResolveAsync(code, c).ConfigureAwait(false) == code && await s.Customers.FindAsync(code, c).ConfigureAwait(false) is null) return code;
        }
    }
}
