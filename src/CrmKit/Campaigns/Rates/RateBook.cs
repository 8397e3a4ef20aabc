using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// The rates that judge staff, channels and campaigns, as queries over the database: each gathers
/// its rows from the store and counts them with the formulas in docs/campaigns.md, cut by segment,
/// owner, channel, campaign or period. The period is [from, to). Reads only; thread-safe.
/// </summary>
public sealed class RateBook
{
    private readonly CrmContext _context;

    internal RateBook(CrmContext context) => _context = context;

    /// <summary>
    /// Contact success: attempts that reached the customer / attempts, over attempts in [from, to).
    /// Every stored contact attempt (<see cref="CareBook.Attempt"/>, <see cref="CaseBook.Attempt"/>)
    /// counts once by its outcome, on the channel actually used; a care task closed in the period
    /// without any attempt counts once by its closing (done or declined reached the customer,
    /// expired did not).
    /// </summary>
    /// <exception cref="CrmValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public RateReport ContactSuccess(DateTimeOffset from, DateTimeOffset to, RateCut cut) => ContactSuccessAsync(from, to, cut).GetAwaiter().GetResult();

    /// <inheritdoc cref="ContactSuccess"/>
    public Task<RateReport> ContactSuccessAsync(DateTimeOffset from, DateTimeOffset to, RateCut cut, CancellationToken cancellationToken = default)
    {
        Check(from, to, cut);
        return _context.Read(async (s, ct) =>
        {
            var facts = await RateFacts.LoadAsync(s, ct).ConfigureAwait(false);
            var attempts = new List<(ContactAttempt Attempt, RateContext Context)>();
            foreach (var a in await s.Operations.AttemptsBetweenAsync(from, to, ct).ConfigureAwait(false))
            {
                var task = a.Task is { } id ? facts.Task(id) : null;
                attempts.Add((a, facts.Context(a.Customer, task?.Owner ?? a.Actor, task)));
            }
            var closedTasks = facts.Tasks.Values.Where(t => t.ClosedAt is { } closed && closed >= from && closed < to
                && t.Status is CareTaskStatus.Done or CareTaskStatus.Declined or CareTaskStatus.Expired).ToArray();
            var attempted = await s.Operations.AttemptCountsAsync([.. closedTasks.Select(t => t.Id)], ct).ConfigureAwait(false);
            foreach (var task in closedTasks.Where(t => !attempted.ContainsKey(t.Id)))
            {
                var outcome = task.Status == CareTaskStatus.Expired ? AttemptOutcome.NoAnswer : AttemptOutcome.Reached;
                attempts.Add((new ContactAttempt(task.Customer, task.Id, null, task.Channel, task.ClosedAt!.Value, outcome, task.ClosedBy ?? "unknown"),
                    facts.Context(task.Customer, task.Owner, task)));
            }
            var contexts = new Dictionary<ContactAttempt, RateContext>(ReferenceEqualityComparer.Instance);
            foreach (var (attempt, context) in attempts) contexts[attempt] = context;
            return RateCalculator.ContactSuccess(attempts.Select(a => a.Attempt), a => contexts[a], cut);
        }, cancellationToken).AsTask();
    }

    /// <summary>
    /// Offer acceptance: offers accepted / offers accepted or declined, over campaign tasks created in
    /// [from, to). Accepted: done with the campaign's accepted outcome; declined: declined, or done
    /// with another outcome. Open, expired and withdrawn tasks are undecided and not counted.
    /// </summary>
    /// <exception cref="CrmValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public RateReport OfferAcceptance(DateTimeOffset from, DateTimeOffset to, RateCut cut) => OfferAcceptanceAsync(from, to, cut).GetAwaiter().GetResult();

    /// <inheritdoc cref="OfferAcceptance"/>
    public Task<RateReport> OfferAcceptanceAsync(DateTimeOffset from, DateTimeOffset to, RateCut cut, CancellationToken cancellationToken = default)
    {
        Check(from, to, cut);
        return _context.Read(async (s, ct) =>
        {
            var facts = await RateFacts.LoadAsync(s, ct).ConfigureAwait(false);
            var decisions = new List<OfferDecision>();
            foreach (var task in facts.Tasks.Values)
            {
                if (facts.CampaignOf(task) is not { } campaign || task.CreatedAt < from || task.CreatedAt >= to) continue;
                bool? accepted = task.Status switch
                {
                    CareTaskStatus.Done => task.Outcome == campaign.Plan.Response.AcceptedOutcome && campaign.Plan.Response.AcceptedOutcome is not null,
                    CareTaskStatus.Declined => false,
                    _ => null,
                };
                decisions.Add(new OfferDecision(task.Customer, task.CreatedAt, accepted, facts.Context(task.Customer, task.Owner, task)));
            }
            return RateCalculator.OfferAcceptance(decisions, cut);
        }, cancellationToken).AsTask();
    }

    /// <summary>
    /// Participation: customers who took part / customers invited, over the treated (not held-out)
    /// campaign assignments made in [from, to). Taking part is a response attributed within the
    /// campaign's attribution window.
    /// </summary>
    /// <exception cref="CrmValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public RateReport Participation(DateTimeOffset from, DateTimeOffset to, RateCut cut) => ParticipationAsync(from, to, cut).GetAwaiter().GetResult();

    /// <inheritdoc cref="Participation"/>
    public Task<RateReport> ParticipationAsync(DateTimeOffset from, DateTimeOffset to, RateCut cut, CancellationToken cancellationToken = default)
    {
        Check(from, to, cut);
        return _context.Read(async (s, ct) =>
        {
            var facts = await RateFacts.LoadAsync(s, ct).ConfigureAwait(false);
            var cases = new List<ParticipationCase>();
            var purchases = _context.Options.PurchaseKinds.ToArray();
            foreach (var campaign in facts.Campaigns.Values)
            {
                var rule = CampaignCareRule.NameOf(campaign.Id);
                foreach (var a in await s.Campaigns.AssignmentsAsync(campaign.Id, ct).ConfigureAwait(false))
                {
                    if (a.IsHoldout || a.At < from || a.At >= to) continue;
                    var tasks = facts.TasksOf(a.Customer).Where(t => t.Rule == rule).ToArray();
                    var response = CampaignAttribution.Attribute(a, campaign.Plan, facts.InteractionsOf(a.Customer), tasks, purchases);
                    cases.Add(new ParticipationCase(a.Customer, a.At, response.Responded,
                        facts.Context(a.Customer, facts.OwnerOf(a.Customer), null) with { Campaign = campaign.Id, Channel = tasks.FirstOrDefault()?.Channel }));
                }
            }
            return RateCalculator.Participation(cases, cut);
        }, cancellationToken).AsTask();
    }

    /// <summary>
    /// Churn over [from, to) by <paramref name="definition"/>: churned during the period / customers
    /// active at its start (see <see cref="ChurnDefinition"/>). A period cut computes each period on
    /// its own, with its own denominator.
    /// </summary>
    /// <exception cref="CrmValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public RateReport Churn(ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to, RateCut cut) => ChurnAsync(definition, from, to, cut).GetAwaiter().GetResult();

    /// <inheritdoc cref="Churn"/>
    public Task<RateReport> ChurnAsync(ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to, RateCut cut, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Check(from, to, cut);
        return _context.Read(async (s, ct) =>
        {
            var facts = await RateFacts.LoadAsync(s, ct).ConfigureAwait(false);
            var subjects = await SubjectsAsync(s, facts, facts.Customers, ct).ConfigureAwait(false);
            return RateCalculator.ChurnRate(subjects, definition, from, to, cut);
        }, cancellationToken).AsTask();
    }

    /// <summary>
    /// Retention success: at-risk customers contacted who stayed / at-risk customers contacted. At
    /// risk are the customers who were members of the segment <paramref name="atRiskSegment"/> at
    /// some time in [from, to); contacted, those with a care task done in the period; stayed, those
    /// who had not churned by <paramref name="definition"/> between the first contact and <paramref name="to"/>.
    /// </summary>
    /// <exception cref="SegmentNotFoundException">No such segment.</exception>
    /// <exception cref="CrmValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public RateReport RetentionSuccess(string atRiskSegment, ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to, RateCut cut) =>
        RetentionSuccessAsync(atRiskSegment, definition, from, to, cut).GetAwaiter().GetResult();

    /// <inheritdoc cref="RetentionSuccess"/>
    public Task<RateReport> RetentionSuccessAsync(string atRiskSegment, ChurnDefinition definition, DateTimeOffset from, DateTimeOffset to, RateCut cut,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Check(from, to, cut);
        return _context.Read(async (s, ct) =>
        {
            if (await s.Segments.FindAsync(atRiskSegment, ct).ConfigureAwait(false) is null) throw new SegmentNotFoundException(atRiskSegment);
            var facts = await RateFacts.LoadAsync(s, ct).ConfigureAwait(false);
            var atRisk = new HashSet<CustomerCode>(await s.Segments.MemberCodesAsync(atRiskSegment, ct).ConfigureAwait(false));
            foreach (var e in await s.Segments.EventsAsync(atRiskSegment, null, ct).ConfigureAwait(false))
            {
                if (e.At < to) atRisk.Add(e.Customer);
            }
            var subjects = (await SubjectsAsync(s, facts, atRisk, ct).ConfigureAwait(false)).ToDictionary(x => x.Customer);
            var cases = new List<RetentionCase>();
            foreach (var code in atRisk.Where(subjects.ContainsKey).OrderBy(c => c.Value, StringComparer.Ordinal))
            {
                var done = facts.TasksOf(code).Where(t => t.Status == CareTaskStatus.Done && t.ClosedAt >= from && t.ClosedAt < to).OrderBy(t => t.ClosedAt).FirstOrDefault();
                var at = done?.ClosedAt ?? from;
                var stayed = at >= to || RateCalculator.Churn(subjects[code], definition, at, to) != true;
                cases.Add(new RetentionCase(code, at, done is not null, stayed, facts.Context(code, done?.Owner ?? facts.OwnerOf(code), done)));
            }
            return RateCalculator.RetentionSuccess(cases, cut);
        }, cancellationToken).AsTask();
    }

    private async ValueTask<List<ChurnSubject>> SubjectsAsync(IStoreSession s, RateFacts facts, IEnumerable<CustomerCode> codes, CancellationToken ct)
    {
        var purchases = _context.Options.PurchaseKinds;
        var subjects = new List<ChurnSubject>();
        foreach (var code in codes)
        {
            if (!facts.Exists(code)) continue;
            var stages = await s.Stages.OfAsync(code, ct).ConfigureAwait(false);
            var bought = facts.InteractionsOf(code).Where(i => purchases.Contains(i.Kind)).Select(i => i.OccurredAt).ToArray();
            subjects.Add(new ChurnSubject(code, stages, bought, facts.Context(code, facts.OwnerOf(code), null)));
        }
        return subjects;
    }

    private static void Check(DateTimeOffset from, DateTimeOffset to, RateCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        Require.Instant(from, "from");
        Require.Instant(to, "to");
        if (to <= from) throw new CrmValidationException("to", $"{to:o} is not after {from:o}.");
    }
}
