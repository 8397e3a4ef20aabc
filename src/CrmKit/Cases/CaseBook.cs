using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Service cases: complaints, service requests and inquiries that need an answer, each with its
/// deadlines (from <see cref="CrmOptions.CasePolicy"/>), its owner and its recorded history. Every
/// change is one transaction checked against the stored case, so two people changing one case at
/// once cannot both win: the second gets a <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed partial class CaseBook
{
    private readonly CrmContext _context;

    internal CaseBook(CrmContext context) => _context = context;

    /// <summary>One working day to a first response and five to a resolution, Monday to Friday 09:00–18:00 UTC, for every case.</summary>
    public static CaseDeadlinePolicy DefaultPolicy { get; } = new(
        BusinessCalendar.Weekdays(TimeZoneInfo.Utc, end: new TimeOnly(18, 0)),
        [new CaseDeadlineRule(null, null, null, TimeSpan.FromHours(9), TimeSpan.FromHours(45))]);

    /// <summary>
    /// Opens a case for a customer, its deadlines from the policy. When an assignment rule of
    /// <see cref="CrmOptions.Routing"/> covers cases and places this one, it is assigned at once (by
    /// <c>routing</c>, the rule named in the note); otherwise it waits, open, for someone to claim it.
    /// </summary>
    /// <param name="customer">The customer (a merged-away code opens it for the survivor).</param>
    /// <param name="category">The category, a lower-case identifier such as <c>complaint</c> or <c>billing</c>.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="channel">The channel it came in on.</param>
    /// <param name="actor">Who opened it.</param>
    /// <param name="tier">The customer's tier for the deadline policy (a lower-case identifier), or null.</param>
    /// <param name="cancellationToken">Cancels the open; nothing is written.</param>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">A value is not acceptable, or no deadline rule matches.</exception>
    public Task<ServiceCase> OpenAsync(CustomerCode customer, string category, TaskPriority priority, string subject, Channel channel, string actor,
        string? tier = null, CancellationToken cancellationToken = default) =>
        OpenAsync(customer, category, priority, subject, channel, actor, tier, null, cancellationToken);

    /// <summary>
    /// Opens a case that came in at <paramref name="openedAt"/> (a letter, a call taken on paper) and
    /// is recorded afterwards: its deadlines count from when it came in. Otherwise as
    /// <see cref="OpenAsync(CustomerCode, string, TaskPriority, string, Channel, string, string?, CancellationToken)"/>.
    /// </summary>
    /// <param name="customer">The customer (a merged-away code opens it for the survivor).</param>
    /// <param name="category">The category, a lower-case identifier such as <c>complaint</c> or <c>billing</c>.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="subject">What it is about.</param>
    /// <param name="channel">The channel it came in on.</param>
    /// <param name="actor">Who opened it.</param>
    /// <param name="tier">The customer's tier for the deadline policy (a lower-case identifier), or null.</param>
    /// <param name="openedAt">When the case came in; now when null. Not later than now.</param>
    /// <param name="cancellationToken">Cancels the open; nothing is written.</param>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    /// <exception cref="CrmValidationException">A value is not acceptable, <paramref name="openedAt"/> is later than now, or no deadline rule matches.</exception>
    public Task<ServiceCase> OpenAsync(CustomerCode customer, string category, TaskPriority priority, string subject, Channel channel, string actor,
        string? tier, DateTimeOffset? openedAt, CancellationToken cancellationToken = default) =>
        _context.Write(async (s, ct) =>
        {
            var now = _context.Now;
            var at = openedAt ?? now;
            if (at > now) throw new CrmValidationException("openedAt", $"{at:o} is later than now ({now:o}); a case is recorded once it came in.");
            var (code, record) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
            var opened = ServiceCase.Open(code, category, priority, tier, subject, channel, at, actor, _context.Options.CasePolicy);
            var id = await s.Cases.InsertAsync(CaseDocument.ToRecord(opened), ct).ConfigureAwait(false);
            return await RouteAsync(s, opened.WithId(id), record, ct).ConfigureAwait(false);
        }, cancellationToken).AsTask();

    /// <summary>The synchronous form of <see cref="OpenAsync(CustomerCode, string, TaskPriority, string, Channel, string, string?, DateTimeOffset?, CancellationToken)"/>.</summary>
    public ServiceCase Open(CustomerCode customer, string category, TaskPriority priority, string subject, Channel channel, string actor, string? tier = null,
        DateTimeOffset? openedAt = null) =>
        OpenAsync(customer, category, priority, subject, channel, actor, tier, openedAt).GetAwaiter().GetResult();

    /// <summary>The case.</summary>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    public ServiceCase Get(long id) => _context.Read((s, ct) => LoadAsync(s, id, ct), default).AsTask().GetAwaiter().GetResult().Case;

    /// <summary>The cases the query selects, in id order (a customer's cases, an owner's, only active ones).</summary>
    public IReadOnlyList<ServiceCase> List(CaseQuery? query = null) => _context.Read<IReadOnlyList<ServiceCase>>(async (s, ct) =>
    {
        var q = query ?? CaseQuery.All;
        if (q.Customer is { } customer) q = q with { Customer = await s.Customers.ResolveAsync(customer, ct).ConfigureAwait(false) };
        return [.. (await s.Cases.ListAsync(q, ct).ConfigureAwait(false)).Select(r => CaseDocument.FromRecord(r, _context.Store.Location))];
    }, default).AsTask().GetAwaiter().GetResult();

    /// <summary>Gives an open case to an owner.</summary>
    public ServiceCase Assign(long id, string owner, string actor, string? note = null) => Change(id, (c, at) => c.Assign(owner, actor, at, note));

    /// <summary>Moves a case to another owner, keeping its status; the history keeps both owners.</summary>
    public ServiceCase Transfer(long id, string owner, string actor, string? note = null) => Change(id, (c, at) => c.Transfer(owner, actor, at, note));

    /// <summary>Starts work on an assigned case, or resumes it after the customer answered.</summary>
    public ServiceCase Start(long id, string actor, string? note = null) => Change(id, (c, at) => c.Start(actor, at, note));

    /// <summary>Records the first (or a later) response to the customer.</summary>
    public ServiceCase Respond(long id, string actor, string? note = null) => Change(id, (c, at) => c.Respond(actor, at, note));

    /// <summary>Parks a case until the customer answers.</summary>
    public ServiceCase AwaitCustomer(long id, string actor, string? note = null) => Change(id, (c, at) => c.AwaitCustomer(actor, at, note));

    /// <summary>Closes a resolved case.</summary>
    public ServiceCase Close(long id, string actor, string? note = null) => Change(id, (c, at) => c.Close(actor, at, note));

    /// <summary>Reopens a resolved or closed case.</summary>
    public ServiceCase Reopen(long id, string actor, string reason) => Change(id, (c, at) => c.Reopen(actor, at, reason));

    /// <summary>
    /// Resolves a case with its root cause, and proposes its satisfaction check as a care task
    /// (rule <c>case-satisfaction</c>, due <see cref="CrmOptions.CaseFollowUpDelay"/> later) through
    /// the contact policy, in the same transaction. The task is null when the policy held it back;
    /// the suppression is then recorded with its reason.
    /// </summary>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    /// <exception cref="IllegalCaseTransitionException">The case cannot be resolved from its status.</exception>
    public CaseResolved Resolve(long id, string rootCause, string summary, string actor) => _context.Write(async (s, ct) =>
    {
        var now = _context.Now;
        var (record, current) = await LoadAsync(s, id, ct).ConfigureAwait(false);
        var resolved = current.Resolve(rootCause, summary, actor, now);
        await s.Cases.UpdateAsync(CaseDocument.ToRecord(resolved), record.Changes, ct).ConfigureAwait(false);
        var action = CaseFollowUp.SatisfactionCheck(resolved, _context.Options.CaseFollowUpDelay);
        var task = await new CareSweeper(_context).ProposeAsync(s, resolved.Customer, FollowUpRule.Instance, action, now, ct).ConfigureAwait(false);
        return new CaseResolved(resolved, task);
    }, default).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Escalates every active case whose deadline has passed, once per deadline, to the level or
    /// owner its deadline rule names; cases whose rule names no escalation are left alone.
    /// </summary>
    /// <returns>The cases escalated now.</returns>
    public Task<IReadOnlyList<ServiceCase>> EscalateAsync(CancellationToken cancellationToken = default) => EscalateAsync(null, cancellationToken);

    /// <summary>
    /// Escalates every active case whose deadline had passed by <paramref name="at"/>, once per
    /// deadline, recording the escalation at that instant: for a run that catches up on escalations
    /// missed while nothing ran. All cases or none are escalated.
    /// </summary>
    /// <param name="at">The instant to escalate at; now when null. Not later than now.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is written.</param>
    /// <returns>The cases escalated.</returns>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is later than now, or before the last change of a case it would escalate; nothing was written.</exception>
    public Task<IReadOnlyList<ServiceCase>> EscalateAsync(DateTimeOffset? at, CancellationToken cancellationToken = default) =>
        _context.Write<IReadOnlyList<ServiceCase>>(async (s, ct) =>
        {
            var now = _context.Now;
            var when = at ?? now;
            if (when > now) throw new CrmValidationException("at", $"{when:o} is later than now ({now:o}); a deadline escalates once it has passed.");
            var escalated = new List<ServiceCase>();
            foreach (var record in await s.Cases.ListAsync(new CaseQuery { ActiveOnly = true }, ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                var current = CaseDocument.FromRecord(record, _context.Store.Location);
                var after = CaseEscalator.Apply(current, when, _context.Options.CasePolicy);
                if (ReferenceEquals(after, current)) continue;
                await s.Cases.UpdateAsync(CaseDocument.ToRecord(after), record.Changes, ct).ConfigureAwait(false);
                escalated.Add(after);
            }
            return escalated;
        }, cancellationToken).AsTask();

    /// <summary>The synchronous form of <see cref="EscalateAsync(DateTimeOffset?, CancellationToken)"/>.</summary>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is later than now, or before the last change of a case it would escalate; nothing was written.</exception>
    public IReadOnlyList<ServiceCase> Escalate(DateTimeOffset? at = null) => EscalateAsync(at).GetAwaiter().GetResult();

    /// <summary>Case figures now, cut by category, owner or not at all: open cases by age, deadlines met, times to first response and to resolution (in business hours).</summary>
    public IReadOnlyList<CaseFigures> Figures(CaseFigureCut cut = CaseFigureCut.All) =>
        CaseFigureCalculator.Compute(List(), _context.Now, cut, calendar: _context.Options.CasePolicy.Calendar);

    private ServiceCase Change(long id, Func<ServiceCase, DateTimeOffset, ServiceCase> change) => _context.Write(async (s, ct) =>
    {
        var (record, current) = await LoadAsync(s, id, ct).ConfigureAwait(false);
        var changed = change(current, _context.Now);
        await s.Cases.UpdateAsync(CaseDocument.ToRecord(changed), record.Changes, ct).ConfigureAwait(false);
        return changed;
    }, default).AsTask().GetAwaiter().GetResult();

    private async ValueTask<(CaseRecord Record, ServiceCase Case)> LoadAsync(IStoreSession s, long id, CancellationToken ct)
    {
        var record = await s.Cases.FindAsync(id, ct).ConfigureAwait(false) ?? throw new CaseNotFoundException(id);
        return (record, CaseDocument.FromRecord(record, _context.Store.Location));
    }

    /// <summary>The rule name satisfaction checks carry; it proposes nothing in sweeps.</summary>
    private sealed class FollowUpRule : ICareRule
    {
        internal static readonly FollowUpRule Instance = new();

        public string Name => CaseFollowUp.RuleName;

        public IEnumerable<CareAction> Propose(CustomerSnapshot customer, DateTimeOffset now) => [];
    }
}
