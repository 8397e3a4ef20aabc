using System.Collections.Concurrent;
using System.Diagnostics;
using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// The segments of a database: define them, refresh their stored membership (fully, or only for
/// customers changed since the last refresh), read members and the entered/left history, and
/// explain why a customer is in or out. Thread-safe; every refresh is one transaction.
/// </summary>
public sealed class SegmentBook
{
    private readonly CrmContext _context;
    private readonly ConcurrentDictionary<string, (SegmentDefinition Definition, ISegmentPredicate Predicate)> _compiled = new(StringComparer.Ordinal);

    internal SegmentBook(CrmContext context) => _context = context;

    /// <summary>
    /// Stores (or replaces) a segment definition. A scripted segment is compiled first, so a
    /// script that does not compile is never stored. Replacing a definition keeps the current
    /// membership until the next refresh, which is then a full one.
    /// </summary>
    /// <exception cref="CrmValidationException">A field is invalid.</exception>
    /// <exception cref="CrmException">The script does not compile (from the <see cref="ISegmentScriptCompiler"/>).</exception>
    /// <exception cref="InvalidOperationException">The segment is scripted and no <see cref="CrmOptions.SegmentScripts"/> compiler is set.</exception>
    public SegmentDefinition Define(SegmentDefinition segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        segment.Check();
        var predicate = Compile(segment);
        return _context.Store.Write(() =>
        {
            var doc = SegmentDocument.ToBson(segment);
            if (_context.Store.Segments.FindById(segment.Name) is { } existing) doc["rn"] = existing["rn"];
            _context.Store.Segments.Upsert(doc);
            _compiled[segment.Name] = (segment, predicate);
            return segment;
        });
    }

    /// <summary>The segment named <paramref name="name"/>, or null.</summary>
    public SegmentDefinition? Find(string name)
    {
        var doc = _context.Store.Segments.FindById(Require.Name(name, "segment"));
        return doc is null ? null : SegmentDocument.FromBson(doc);
    }

    /// <summary>Every segment, by name.</summary>
    public IReadOnlyList<SegmentDefinition> All() =>
        _context.Store.Segments.FindAll().Select(SegmentDocument.FromBson).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Removes a segment with its membership and history; false when there was none.</summary>
    public bool Remove(string name)
    {
        Require.Name(name, "segment");
        return _context.Store.Write(() =>
        {
            var store = _context.Store;
            if (!store.Segments.Delete(name)) return false;
            store.SegmentMembers.DeleteMany(Query.EQ("seg", name));
            store.SegmentEvents.DeleteMany(Query.EQ("seg", name));
            _compiled.TryRemove(name, out _);
            return true;
        });
    }

    /// <summary>
    /// Re-evaluates every customer for segment <paramref name="name"/> and stores who entered and
    /// who left. With <paramref name="parallel"/>, customers are evaluated on several threads; the
    /// result is the same as on one.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    public SegmentRefreshResult Refresh(string name, bool parallel = true) => RefreshOne(name, changedOnly: false, parallel);

    /// <summary>
    /// Re-evaluates only the customers changed (profile, interactions, stage, merge, erasure) since
    /// the segment's last refresh; the first refresh, and the first after a redefinition, is full.
    /// Equal to a full refresh at the same instant; a rule that depends on the passing of time alone
    /// (such as days since the last purchase) also needs a full refresh now and then.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    public SegmentRefreshResult RefreshChanged(string name) => RefreshOne(name, changedOnly: true, parallel: false);

    /// <summary>Refreshes every stored segment in one transaction (only changed customers when <paramref name="changedOnly"/>).</summary>
    /// <remarks>A customer a rule fails for keeps its stored membership and is listed in that segment's <see cref="SegmentRefreshResult.Failures"/>.</remarks>
    public IReadOnlyList<SegmentRefreshResult> RefreshAll(bool changedOnly = false)
    {
        var segments = All().Select(s => (s, Predicate(s))).ToArray();
        return _context.Store.Write(() => segments
            .Select(s => new SegmentRefresher(_context).Refresh(LoadDocument(s.Item1.Name), s.Item2, changedOnly, parallel: true))
            .ToArray());
    }

    /// <summary>The members of a segment (as of its last refresh), in code order.</summary>
    public Page<SegmentMembership> Members(string name, PageRequest page)
    {
        page.Check();
        LoadDocument(name);
        var docs = _context.Store.SegmentMembers.Query().Where(Query.EQ("seg", name)).OrderBy("_id")
            .Skip(page.Offset).Limit(page.Size + 1).ToList();
        return new Page<SegmentMembership>(docs.Take(page.Size).Select(SegmentDocument.ToMembership).ToArray(), page.Offset, docs.Count > page.Size);
    }

    /// <summary>The segments a customer belongs to (as of their last refreshes) and since when.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<SegmentMembership> Of(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        return _context.Store.SegmentMembers.Find(Query.EQ("c", code.Value)).Select(SegmentDocument.ToMembership)
            .OrderBy(m => m.Segment, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The entered/left history of a segment, oldest first; only one customer's when <paramref name="customer"/> is given.</summary>
    public IReadOnlyList<SegmentEvent> Events(string name, CustomerCode? customer = null)
    {
        LoadDocument(name);
        var query = customer is { } c ? Query.And(Query.EQ("seg", name), Query.EQ("c", _context.Resolve(c).Value)) : Query.EQ("seg", name);
        return _context.Store.SegmentEvents.Find(query).OrderBy(d => d["_id"].AsInt64).Select(SegmentDocument.ToEvent).ToArray();
    }

    /// <summary>
    /// Why <paramref name="customer"/> is in or out of segment <paramref name="name"/>: the rule
    /// evaluated now (for a filter, every clause with what the customer has; for a script, its
    /// result) beside the stored membership and since when.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public SegmentExplanation Explain(string name, CustomerCode customer)
    {
        var definition = SegmentDocument.FromBson(LoadDocument(name));
        _context.Load(customer, out var code);
        var snapshot = Snapshots.One(_context.Store, code.Value)!;
        var now = _context.Now;
        var predicate = Predicate(definition);
        var matches = SegmentRefresher.Evaluate(name, predicate, snapshot, now);
        var conditions = definition.Filter is { } filter
            ? filter.Explain(snapshot, now)
            : [new ClauseResult(predicate.ToString() ?? "script", matches, matches ? "the script returned true" : "the script returned false")];
        var member = _context.Store.SegmentMembers.FindById(SegmentDocument.MemberId(name, code.Value));
        return new SegmentExplanation(name, code, matches, member is not null,
            member is null ? null : Bson.ToInstant(member["at"]), conditions);
    }

    /// <summary>
    /// Evaluates <paramref name="predicate"/> over every customer now and writes nothing: how many
    /// match, and the first <paramref name="sample"/> of them in code order.
    /// </summary>
    /// <remarks>A customer the rule fails for is listed in <see cref="SegmentPreview.Failures"/> and the preview goes on.</remarks>
    public SegmentPreview Preview(ISegmentPredicate predicate, int sample = 10)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (sample < 0) throw new CrmValidationException("sample", $"{sample} is negative.");
        var watch = Stopwatch.StartNew();
        var all = SegmentRefresher.Evaluate(predicate, _context.Store, _context.Now, parallel: true);
        var codes = all.Where(r => r.Member is { Succeeded: true, Value: true }).Select(r => r.Code).Order(StringComparer.Ordinal).Select(c => new CustomerCode(c)).ToArray();
        return new SegmentPreview(all.Count, codes.Length, codes.Take(sample).ToArray(), watch.Elapsed) { Failures = SegmentRefresher.Failures("preview", all) };
    }

    private SegmentRefreshResult RefreshOne(string name, bool changedOnly, bool parallel)
    {
        var predicate = Predicate(SegmentDocument.FromBson(LoadDocument(name)));
        return _context.Store.Write(() => new SegmentRefresher(_context).Refresh(LoadDocument(name), predicate, changedOnly, parallel));
    }

    private BsonDocument LoadDocument(string name) =>
        _context.Store.Segments.FindById(Require.Name(name, "segment")) ?? throw new SegmentNotFoundException(name);

    private ISegmentPredicate Predicate(SegmentDefinition definition)
    {
        if (_compiled.TryGetValue(definition.Name, out var known) && Same(known.Definition, definition)) return known.Predicate;
        var predicate = Compile(definition);
        _compiled[definition.Name] = (definition, predicate);
        return predicate;
    }

    private ISegmentPredicate Compile(SegmentDefinition definition)
    {
        if (definition.Filter is { } filter) return filter;
        var compiler = _context.Options.SegmentScripts ?? throw new InvalidOperationException(
            $"Segment '{definition.Name}' is scripted; open the database with CrmOptions.SegmentScripts set (CrmKit.Scripting provides ScriptedSegments).");
        return compiler.Compile(definition);
    }

    private static bool Same(SegmentDefinition a, SegmentDefinition b) =>
        a.Script == b.Script && a.Parameters.Count == b.Parameters.Count
        && a.Parameters.All(p => b.Parameters.TryGetValue(p.Key, out var v) && v == p.Value)
        && (a.Filter is null ? b.Filter is null : b.Filter is not null && a.Filter.Clauses.SequenceEqual(b.Filter.Clauses));
}
