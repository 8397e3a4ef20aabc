using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The identity map, value sources, kept values, merge history and duplicate review list in the
/// embedded store. Keyed documents (system and id, code and field, first and second code) keep
/// entries unique. LiteDB compares text ignoring case, so keys are stored as the hexadecimal of
/// their UTF-8 bytes and look-ups by code are checked ordinally here; lists sort ordinally here too.
/// </summary>
internal sealed class LiteIdentities(LiteSession session) : IIdentityStore
{
    private LiteStore Store => session.Store;

    public ValueTask<SourceIdentity?> FindSourceAsync(string system, string id, CancellationToken cancellationToken) =>
        Completed.Value(Store.SourceIds.FindById(Key(system, id)) is { } doc ? ToSource(doc) : null);

    public ValueTask<IReadOnlyList<SourceIdentity>> SourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<SourceIdentity>>(Ordered(ByCode(Store.SourceIds, "c", customer.Value).Select(ToSource)).ToArray());

    public ValueTask PutSourceAsync(SourceIdentity identity, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.SourceIds.Upsert(new BsonDocument
        {
            ["_id"] = Key(identity.System, identity.Id),
            ["sys"] = identity.System,
            ["id"] = identity.Id,
            ["c"] = identity.Customer.Value,
            ["at"] = Bson.Instant(identity.LinkedAt),
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<Page<SourceIdentity>> SourcesAsync(string? system, PageRequest page, CancellationToken cancellationToken)
    {
        // The keys are hexadecimal, so their order is no help: sorted here, in the contract's ordinal order.
        var all = system is null ? Store.SourceIds.FindAll() : ByCode(Store.SourceIds, "sys", system);
        var items = Ordered(all.Select(ToSource)).Skip(page.Offset).Take(page.Size + 1).ToArray();
        return Completed.Value(new Page<SourceIdentity>(items.Take(page.Size).ToArray(), page.Offset, items.Length > page.Size));
    }

    public ValueTask<IReadOnlyList<ValueSource>> ValueSourcesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<ValueSource>>(ByCode(Store.ValueSources, "c", customer.Value)
            .Select(d => new ValueSource(new CustomerCode(d["c"].AsString), d["f"].AsString, d["sys"].AsString, Bson.ToInstant(d["at"])))
            .OrderBy(v => v.Field, StringComparer.Ordinal).ToArray());

    public ValueTask PutValueSourceAsync(ValueSource source, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.ValueSources.Upsert(new BsonDocument
        {
            ["_id"] = Key(source.Customer.Value, source.Field),
            ["c"] = source.Customer.Value,
            ["f"] = source.Field,
            ["sys"] = source.System,
            ["at"] = Bson.Instant(source.At),
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask KeepAsync(KeptValue value, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.KeptValues.Insert(new BsonDocument
        {
            ["c"] = value.Customer.Value,
            ["f"] = value.Field,
            ["v"] = TypedAttribute.ToBson(value.Value),
            ["sys"] = Bson.Text(value.System),
            ["at"] = Bson.Instant(value.At),
            ["kAt"] = Bson.Instant(value.KeptAt),
            ["m"] = Bson.Text(value.MergedFrom?.Value),
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<KeptValue>> KeptOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<KeptValue>>(ByCode(Store.KeptValues, "c", customer.Value).OrderBy(d => d["_id"].AsInt64)
            .Select(d => new KeptValue(new CustomerCode(d["c"].AsString), d["f"].AsString, TypedAttribute.FromBson(d["v"]), Bson.ToText(d["sys"]),
                Bson.ToInstant(d["at"]), Bson.ToInstant(d["kAt"])) { MergedFrom = Bson.ToText(d["m"]) is { } m ? new CustomerCode(m) : (CustomerCode?)null })
            .ToArray());

    public ValueTask<int> MoveAsync(CustomerCode from, CustomerCode to, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var moved = 0;
        foreach (var doc in ByCode(Store.SourceIds, "c", from.Value).ToList())
        {
            doc["c"] = to.Value;
            Store.SourceIds.Update(doc);
            moved++;
        }
        foreach (var doc in ByCode(Store.KeptValues, "c", from.Value).ToList())
        {
            doc["c"] = to.Value;
            if (doc["m"].IsNull) doc["m"] = from.Value;
            Store.KeptValues.Update(doc);
        }
        foreach (var doc in ByCode(Store.ValueSources, "c", from.Value).ToList()) Store.ValueSources.Delete(doc["_id"]);
        return Completed.Value(moved);
    }

    public ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        Store.MergeHistory.Insert(new BsonDocument
        {
            ["s"] = merge.Survivor.Value,
            ["m"] = merge.Merged.Value,
            ["at"] = Bson.Instant(merge.At),
            ["a"] = merge.Actor,
            ["r"] = merge.Reason,
            ["ni"] = merge.InteractionsMoved,
            ["ns"] = merge.StageChangesMoved,
            ["ng"] = merge.GradeChangesMoved,
            ["nid"] = merge.IdentitiesMoved,
            ["nk"] = merge.ValuesKept,
            ["claim"] = merge.KeptClaim is { } claim ? RecordDocuments.ToBson(claim) : BsonValue.Null,
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<MergeRecord>> MergesIntoAsync(IReadOnlyCollection<CustomerCode> survivors, CancellationToken cancellationToken)
    {
        var found = new List<BsonDocument>();
        foreach (var code in survivors.Distinct()) found.AddRange(ByCode(Store.MergeHistory, "s", code.Value));
        return Completed.Value<IReadOnlyList<MergeRecord>>(found.OrderBy(d => d["_id"].AsInt64).Select(d =>
            new MergeRecord(new CustomerCode(d["s"].AsString), new CustomerCode(d["m"].AsString), Bson.ToInstant(d["at"]), d["a"].AsString, d["r"].AsString,
                d["ni"].AsInt32, d["ns"].AsInt32)
            {
                GradeChangesMoved = d["ng"].AsInt32,
                IdentitiesMoved = d["nid"].AsInt32,
                ValuesKept = d["nk"].AsInt32,
                KeptClaim = d["claim"].IsDocument ? RecordDocuments.ToClaim(d["claim"].AsDocument) : null,
            }).ToArray());
    }

    public ValueTask<DuplicateMatch?> FindMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken) =>
        Completed.Value(Store.DuplicateMatches.FindById(MatchKey(first, second)) is { } doc ? ToMatch(doc) : null);

    public ValueTask PutMatchAsync(DuplicateMatch match, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        var (first, second) = DuplicateMatch.Pair(match.First, match.Second);
        Store.DuplicateMatches.Upsert(new BsonDocument
        {
            ["_id"] = MatchKey(first, second),
            ["f"] = first.Value,
            ["s"] = second.Value,
            ["why"] = Bson.Strings(match.Reasons),
            ["score"] = match.Score,
            ["at"] = Bson.Instant(match.FoundAt),
            ["by"] = match.FoundBy,
            ["dAt"] = Bson.Instant(match.DismissedAt),
            ["dBy"] = Bson.Text(match.DismissedBy),
            ["dWhy"] = Bson.Text(match.DismissReason),
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveMatchAsync(CustomerCode first, CustomerCode second, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return Completed.Value(Store.DuplicateMatches.Delete(MatchKey(first, second)));
    }

    public ValueTask<IReadOnlyList<DuplicateMatch>> MatchesAsync(CustomerCode? customer, CancellationToken cancellationToken)
    {
        var docs = customer is { } code
            ? ByCode(Store.DuplicateMatches, "f", code.Value).Concat(ByCode(Store.DuplicateMatches, "s", code.Value))
            : Store.DuplicateMatches.FindAll();
        return Completed.Value<IReadOnlyList<DuplicateMatch>>(docs.Select(ToMatch)
            .OrderBy(m => m.First.Value, StringComparer.Ordinal).ThenBy(m => m.Second.Value, StringComparer.Ordinal).ToArray());
    }

    private static string MatchKey(CustomerCode a, CustomerCode b)
    {
        var (first, second) = DuplicateMatch.Pair(a, b);
        return Key(first.Value, second.Value);
    }

    /// <summary>A key that LiteDB's case-insensitive comparison cannot confuse with another: the hexadecimal of the parts' UTF-8 bytes.</summary>
    private static string Key(string first, string second) =>
        Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(first + '\u001f' + second));

    /// <summary>The documents whose <paramref name="field"/> is exactly <paramref name="code"/> (the index finds them ignoring case).</summary>
    private static IEnumerable<BsonDocument> ByCode(ILiteCollection<BsonDocument> collection, string field, string code) =>
        collection.Find(Where.Eq(field, code)).Where(d => d[field].AsString == code);

    private static IEnumerable<SourceIdentity> Ordered(IEnumerable<SourceIdentity> identities) =>
        identities.OrderBy(s => s.System, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal);

    private static SourceIdentity ToSource(BsonDocument d) =>
        new(d["sys"].AsString, d["id"].AsString, new CustomerCode(d["c"].AsString), Bson.ToInstant(d["at"]));

    private static DuplicateMatch ToMatch(BsonDocument d) =>
        new(new CustomerCode(d["f"].AsString), new CustomerCode(d["s"].AsString), Bson.ToStrings(d["why"]), d["score"].AsDouble, Bson.ToInstant(d["at"]), d["by"].AsString)
        {
            DismissedAt = Bson.ToOptionalInstant(d["dAt"]),
            DismissedBy = Bson.ToText(d["dBy"]),
            DismissReason = Bson.ToText(d["dWhy"]),
        };
}
