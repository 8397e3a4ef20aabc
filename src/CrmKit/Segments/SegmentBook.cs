using System.Collections.Concurrent;
using System.Diagnostics;
using CrmKit.Storage;

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
    /// <exception cref="CrmValidationException">The segment is scripted and no <see cref="CrmOptions.SegmentScripts"/> compiler is set.</exception>
    /// <exception cref="CrmValidationException">The script asks about other segments in a circle (it reads a segment that reads it), or without naming them as string literals.</exception>
    public SegmentDefinition Define(SegmentDefinition segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        segment.Check();
        var predicate = Compile(segment);
        SegmentDependencies.CheckNamed(segment.Name, predicate);
        if (predicate.Needs.Segments.Count > 0)
        {
            // Only a segment that reads others can close a circle through itself.
            var others = All().Where(s => s.Name != segment.Name).Select(s => (s.Name, Predicate: Predicate(s)));
            SegmentDependencies.Order([.. others, (segment.Name, predicate)]);
        }
        return _context.Write(async (s, ct) =>
        {
            await s.Segments.PutAsync(segment, ct).ConfigureAwait(false);
            _compiled[segment.Name] = (segment, predicate);
            return segment;
        }, default).Wait();
    }

    /// <summary>The segment named <paramref name="name"/>, or null.</summary>
    public SegmentDefinition? Find(string name)
    {
        Require.Name(name, "segment");
        return _context.Read(async (s, ct) => (await s.Segments.FindAsync(name, ct).ConfigureAwait(false))?.Definition, default).Wait();
    }

    /// <summary>Every segment, by name.</summary>
    public IReadOnlyList<SegmentDefinition> All() =>
        _context.Read<IReadOnlyList<SegmentDefinition>>(async (s, ct) => (await s.Segments.AllAsync(ct).ConfigureAwait(false)).Select(x => x.Definition).ToArray(), default).Wait();

    /// <summary>Removes a segment with its membership and history; false when there was none.</summary>
    public bool Remove(string name)
    {
        Require.Name(name, "segment");
        return _context.Write(async (s, ct) =>
        {
            if (!await s.Segments.RemoveAsync(name, ct).ConfigureAwait(false)) return false;
            _compiled.TryRemove(name, out _);
            return true;
        }, default).Wait();
    }

    /// <summary>
    /// Re-evaluates every customer for segment <paramref name="name"/> and stores who entered and
    /// who left. With <paramref name="parallel"/>, customers are read on several threads; the
    /// result is the same as on one.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    public SegmentRefreshResult Refresh(string name, bool parallel = true) => RefreshOne(name, changedOnly: false, parallel, default).Wait();

    /// <summary>
    /// Re-evaluates only the customers changed (profile, interactions, stage, merge, erasure) since
    /// the segment's last refresh; the first refresh, and the first after a redefinition, is full.
    /// Equal to a full refresh at the same instant; a rule that depends on the passing of time alone
    /// (such as days since the last purchase) also needs a full refresh now and then. A segment
    /// whose script reads other segments or open tasks is always refreshed in full, since those
    /// change without the customer changing.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    public SegmentRefreshResult RefreshChanged(string name) => RefreshOne(name, changedOnly: true, parallel: false, default).Wait();

    /// <summary>
    /// Refreshes every stored segment in one transaction (only changed customers when
    /// <paramref name="changedOnly"/>), each after the segments it reads, so a segment that asks
    /// whether a customer is in another sees that segment's new members.
    /// </summary>
    /// <exception cref="CrmValidationException">Stored segments read each other in a circle; nothing was written.</exception>
    /// <remarks>A customer a rule fails for keeps its stored membership and is listed in that segment's <see cref="SegmentRefreshResult.Failures"/>.</remarks>
    public IReadOnlyList<SegmentRefreshResult> RefreshAll(bool changedOnly = false) => RefreshAllCore(changedOnly, default).Wait();

    /// <summary>The asynchronous form of <see cref="Refresh"/>; the token is checked between chunks of customers, and cancelling writes nothing.</summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<SegmentRefreshResult> RefreshAsync(string name, bool parallel = true, CancellationToken cancellationToken = default) =>
        RefreshOne(name, changedOnly: false, parallel, cancellationToken).AsTask();

    /// <summary>The asynchronous form of <see cref="RefreshChanged"/>; cancelling writes nothing.</summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <remarks>A customer the rule fails for keeps its stored membership and is listed in <see cref="SegmentRefreshResult.Failures"/>; the refresh goes on.</remarks>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<SegmentRefreshResult> RefreshChangedAsync(string name, CancellationToken cancellationToken = default) =>
        RefreshOne(name, changedOnly: true, parallel: false, cancellationToken).AsTask();

    /// <summary>The asynchronous form of <see cref="RefreshAll"/>; cancelling writes nothing.</summary>
    /// <remarks>A customer a rule fails for keeps its stored membership and is listed in that segment's <see cref="SegmentRefreshResult.Failures"/>.</remarks>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<IReadOnlyList<SegmentRefreshResult>> RefreshAllAsync(bool changedOnly = false, CancellationToken cancellationToken = default) =>
        RefreshAllCore(changedOnly, cancellationToken).AsTask();

    internal ValueTask<IReadOnlyList<SegmentRefreshResult>> RefreshAllCore(bool changedOnly, CancellationToken ct)
    {
        // Segments that read others are refreshed after them, so they see this refresh's members.
        var segments = SegmentDependencies.Order([.. All().Select(s => (s.Name, Predicate: Predicate(s)))]);
        return _context.Write<IReadOnlyList<SegmentRefreshResult>>(async (s, c) =>
        {
            var results = new List<SegmentRefreshResult>();
            // Read once, before the first refresh writes: every segment is refreshed through it.
            var sequence = await s.Changes.SequenceAsync(c).ConfigureAwait(false);
            foreach (var (name, predicate) in segments)
            {
                var stored = await LoadAsync(s, name, c).ConfigureAwait(false);
                results.Add(await Traced(name, async () =>
                    await new SegmentRefresher(_context).RefreshAsync(s, stored, predicate, changedOnly, parallel: true, c, sequence).ConfigureAwait(false))
                    .ConfigureAwait(false));
            }
            return results;
        }, ct);
    }

    /// <summary>The members of a segment (as of its last refresh), in code order.</summary>
    public Page<SegmentMembership> Members(string name, PageRequest page)
    {
        page.Check();
        return _context.Read(async (s, ct) =>
        {
            await LoadAsync(s, name, ct).ConfigureAwait(false);
            return await s.Segments.MembersAsync(name, page, ct).ConfigureAwait(false);
        }, default).Wait();
    }

    /// <summary>The segments a customer belongs to (as of their last refreshes) and since when.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<SegmentMembership> Of(CustomerCode customer) => _context.Read<IReadOnlyList<SegmentMembership>>(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return (await s.Segments.OfAsync(code, ct).ConfigureAwait(false)).OrderBy(m => m.Segment, StringComparer.Ordinal).ToArray();
    }, default).Wait();

    /// <summary>The entered/left history of a segment, oldest first; only one customer's when <paramref name="customer"/> is given.</summary>
    public IReadOnlyList<SegmentEvent> Events(string name, CustomerCode? customer = null) => _context.Read<IReadOnlyList<SegmentEvent>>(async (s, ct) =>
    {
        await LoadAsync(s, name, ct).ConfigureAwait(false);
        CustomerCode? code = customer is { } c ? await CrmContext.ResolveAsync(s, c, ct).ConfigureAwait(false) : (CustomerCode?)null;
        return await s.Segments.EventsAsync(name, code, ct).ConfigureAwait(false);
    }, default).Wait();

    /// <summary>
    /// Why <paramref name="customer"/> is in or out of segment <paramref name="name"/>: the rule
    /// evaluated now (for a filter, every clause with what the customer has; for a script, its
    /// result) beside the stored membership and since when.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public SegmentExplanation Explain(string name, CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var definition = (await LoadAsync(s, name, ct).ConfigureAwait(false)).Definition;
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        var predicate = Predicate(definition);
        var snapshot = await SnapshotCompletion.CompleteAsync(s, (await s.Customers.SnapshotAsync(code, ct).ConfigureAwait(false))!, predicate.Needs, ct).ConfigureAwait(false);
        var now = _context.Now;
        var matches = SegmentRefresher.Evaluate(name, predicate, snapshot, now);
        var conditions = definition.Filter is { } filter
            ? filter.Explain(snapshot, now)
            : [new ClauseResult(predicate.ToString() ?? "script", matches, matches ? "the script returned true" : "the script returned false")];
        var member = await s.Segments.MembershipAsync(name, code, ct).ConfigureAwait(false);
        return new SegmentExplanation(name, code, matches, member is not null, member?.Since, conditions);
    }, default).Wait();

    /// <summary>
    /// Evaluates <paramref name="predicate"/> over every customer now and writes nothing: how many
    /// match, and the first <paramref name="sample"/> of them in code order.
    /// </summary>
    /// <remarks>A customer the rule fails for is listed in <see cref="SegmentPreview.Failures"/> and the preview goes on.</remarks>
    public SegmentPreview Preview(ISegmentPredicate predicate, int sample = 10) => PreviewCore(predicate, sample, default).Wait();

    /// <summary>The asynchronous form of <see cref="Preview"/>; the token is checked between chunks of customers.</summary>
    /// <remarks>A customer the rule fails for is listed in <see cref="SegmentPreview.Failures"/> and the preview goes on.</remarks>
    public Task<SegmentPreview> PreviewAsync(ISegmentPredicate predicate, int sample = 10, CancellationToken cancellationToken = default) =>
        PreviewCore(predicate, sample, cancellationToken).AsTask();

    internal ValueTask<SegmentPreview> PreviewCore(ISegmentPredicate predicate, int sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (sample < 0) throw new CrmValidationException("sample", $"{sample} is negative.");
        var watch = Stopwatch.StartNew();
        return _context.Read(async (s, c) =>
        {
            var all = await SegmentRefresher.EvaluateAllAsync("preview", predicate, s, SnapshotScan.All(parallel: true), _context.Now, c).ConfigureAwait(false);
            var codes = all.Where(r => r.Member is { Succeeded: true, Value: true }).Select(r => r.Code).OrderBy(c => c.Value, StringComparer.Ordinal).ToArray();
            return new SegmentPreview(all.Count, codes.Length, codes.Take(sample).ToArray(), watch.Elapsed) { Failures = SegmentRefresher.Failures("preview", all) };
        }, ct);
    }

    private ValueTask<SegmentRefreshResult> RefreshOne(string name, bool changedOnly, bool parallel, CancellationToken ct) => Traced(name, () =>
    {
        var predicate = Predicate(Find(name) ?? throw new SegmentNotFoundException(name));
        return _context.Write(async (s, c) =>
            await new SegmentRefresher(_context).RefreshAsync(s, await LoadAsync(s, name, c).ConfigureAwait(false), predicate, changedOnly, parallel, c).ConfigureAwait(false), ct);
    });

    /// <summary>Runs one segment's refresh inside its <see cref="CrmTelemetry.SegmentRefreshActivity"/>.</summary>
    private static ValueTask<SegmentRefreshResult> Traced(string name, Func<ValueTask<SegmentRefreshResult>> refresh) =>
        Tracing.RunAsync(CrmTelemetry.SegmentRefreshActivity, [("crmkit.segment.name", name)], refresh, (activity, r) => activity
            .SetTag("crmkit.segment.mode", r.Incremental ? "changed" : "full")
            .SetTag("crmkit.customers.evaluated", r.Evaluated)
            .SetTag("crmkit.segment.members", r.Members)
            .SetTag("crmkit.segment.entered", r.Entered)
            .SetTag("crmkit.segment.left", r.Left)
            .SetTag("crmkit.failures", r.Failures.Count));

    private static async ValueTask<StoredSegment> LoadAsync(IStoreSession s, string name, CancellationToken ct) =>
        await s.Segments.FindAsync(Require.Name(name, "segment"), ct).ConfigureAwait(false) ?? throw new SegmentNotFoundException(name);

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
        var compiler = _context.Options.SegmentScripts ?? throw new CrmValidationException("script",
            $"segment '{definition.Name}' is scripted; open the database with CrmOptions.SegmentScripts set (CrmKit.Scripting provides ScriptedSegments).");
        return compiler.Compile(definition);
    }

    private static bool Same(SegmentDefinition a, SegmentDefinition b) =>
        a.Script == b.Script && a.Parameters.Count == b.Parameters.Count
        && a.Parameters.All(p => b.Parameters.TryGetValue(p.Key, out var v) && v == p.Value)
        && (a.Filter is null ? b.Filter is null : b.Filter is not null && a.Filter.Clauses.SequenceEqual(b.Filter.Clauses));
}
