using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Campaigns as a closed loop: create (from a plan or a template), submit, approve, rehearse on
/// today's base without writing, run (assign, then contact the treated through the contact
/// policy), and evaluate against the holdout. Also the plan library. Thread-safe; every operation
/// is one transaction, and one that throws has written nothing.
/// </summary>
public sealed class CampaignBook
{
    private readonly CrmContext _context;

    internal CampaignBook(CrmContext context) => _context = context;

    /// <summary>Stores a new draft campaign with <paramref name="plan"/>, created by <paramref name="actor"/> now.</summary>
    /// <exception cref="CrmValidationException">The id or actor is not acceptable, or a campaign with the id exists; nothing was written.</exception>
    /// <param name="id">The campaign's id.</param>
    /// <param name="plan">Its plan.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="at">When the step is recorded; now when null.</param>
    public Campaign Create(string id, CampaignPlan plan, string actor, DateTimeOffset? at = null) => CreateAsync(id, plan, actor, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Create"/>
    public Task<Campaign> CreateAsync(string id, CampaignPlan plan, string actor, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        AddAsync(Campaign.Draft(id, plan, actor, at ?? _context.Now), cancellationToken);

    /// <summary>Stores a new draft copied from the template <paramref name="template"/>, with a new id and window.</summary>
    /// <exception cref="CampaignNotFoundException">No template has that name; nothing was written.</exception>
    /// <exception cref="CrmValidationException">A value is not acceptable, or a campaign with the id exists; nothing was written.</exception>
    public Campaign CreateFromTemplate(string template, string id, CampaignWindow window, string actor, DateTimeOffset? at = null) =>
        CreateFromTemplateAsync(template, id, window, actor, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="CreateFromTemplate"/>
    public async Task<Campaign> CreateFromTemplateAsync(string template, string id, CampaignWindow window, string actor, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var stored = await FindTemplateAsync(template, cancellationToken).ConfigureAwait(false) ?? throw new CampaignNotFoundException(template, "template");
        return await AddAsync(Campaign.FromTemplate(stored, id, window, actor, at ?? _context.Now), cancellationToken).ConfigureAwait(false);
    }

    private Task<Campaign> AddAsync(Campaign campaign, CancellationToken ct) => _context.Write(async (s, c) =>
        await s.Campaigns.AddAsync(campaign, c).ConfigureAwait(false)
            ? campaign
            : throw new CrmValidationException("campaign.id", $"'{campaign.Id}' is taken by another campaign."), ct).AsTask();

    /// <summary>The campaign with <paramref name="id"/>, or null.</summary>
    public Campaign? Find(string id) => FindAsync(id).GetAwaiter().GetResult();

    /// <inheritdoc cref="Find"/>
    public Task<Campaign?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        _context.Read((s, c) => s.Campaigns.FindAsync(Require.Name(id, "campaign"), c), cancellationToken).AsTask();

    /// <summary>The campaign with <paramref name="id"/>.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    public Campaign Get(string id) => Find(id) ?? throw new CampaignNotFoundException(id);

    /// <summary>Every campaign, by id.</summary>
    public IReadOnlyList<Campaign> All() => AllAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="All"/>
    public Task<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken = default) =>
        _context.Read((s, c) => s.Campaigns.AllAsync(c), cancellationToken).AsTask();

    /// <summary>Submits a draft for approval, recorded at <c>at</c> (now when null); so are the other steps.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not a draft; nothing was written.</exception>
    public Campaign Submit(string id, string actor, string reason, DateTimeOffset? at = null) => SubmitAsync(id, actor, reason, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Submit"/>
    public Task<Campaign> SubmitAsync(string id, string actor, string reason, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, c => c.Submit(actor, at ?? _context.Now, reason), cancellationToken);

    /// <summary>Approves a submitted campaign.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not submitted; nothing was written.</exception>
    public Campaign Approve(string id, string actor, string reason, DateTimeOffset? at = null) => ApproveAsync(id, actor, reason, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Approve"/>
    public Task<Campaign> ApproveAsync(string id, string actor, string reason, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, c => c.Approve(actor, at ?? _context.Now, reason), cancellationToken);

    /// <summary>Sends a submitted campaign back to draft.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not submitted; nothing was written.</exception>
    public Campaign SendBack(string id, string actor, string reason, DateTimeOffset? at = null) => SendBackAsync(id, actor, reason, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="SendBack"/>
    public Task<Campaign> SendBackAsync(string id, string actor, string reason, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, c => c.SendBack(actor, at ?? _context.Now, reason), cancellationToken);

    /// <summary>Cancels a campaign before completion. Its tasks stay as they are; no new ones are made.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is completed or cancelled; nothing was written.</exception>
    public Campaign Cancel(string id, string actor, string reason, DateTimeOffset? at = null) => CancelAsync(id, actor, reason, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Cancel"/>
    public Task<Campaign> CancelAsync(string id, string actor, string reason, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, c => c.Cancel(actor, at ?? _context.Now, reason), cancellationToken);

    /// <summary>Completes a running campaign.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not running; nothing was written.</exception>
    public Campaign Complete(string id, string actor, string reason, DateTimeOffset? at = null) => CompleteAsync(id, actor, reason, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Complete"/>
    public Task<Campaign> CompleteAsync(string id, string actor, string reason, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        StepAsync(id, c => c.Complete(actor, at ?? _context.Now, reason), cancellationToken);

    private Task<Campaign> StepAsync(string id, Func<Campaign, Campaign> step, CancellationToken ct) => _context.Write(async (s, c) =>
    {
        await s.Campaigns.LockAsync(Require.Name(id, "campaign"), c).ConfigureAwait(false);
        var campaign = await LoadAsync(s, id, c).ConfigureAwait(false);
        var next = step(campaign);
        await s.Campaigns.AppendStepAsync(id, next.History[^1], c).ConfigureAwait(false);
        return next;
    }, ct).AsTask();

    internal static async ValueTask<Campaign> LoadAsync(IStoreSession s, string id, CancellationToken ct) =>
        await s.Campaigns.FindAsync(Require.Name(id, "campaign"), ct).ConfigureAwait(false) ?? throw new CampaignNotFoundException(id);

    /// <summary>Keeps <paramref name="template"/> in the plan library, replacing one of the same name.</summary>
    public CampaignTemplate SaveTemplate(CampaignTemplate template) => SaveTemplateAsync(template).GetAwaiter().GetResult();

    /// <inheritdoc cref="SaveTemplate"/>
    public Task<CampaignTemplate> SaveTemplateAsync(CampaignTemplate template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        return _context.Write(async (s, c) =>
        {
            await s.Campaigns.PutTemplateAsync(template, c).ConfigureAwait(false);
            return template;
        }, cancellationToken).AsTask();
    }

    /// <summary>Keeps the plan of campaign <paramref name="id"/> as the template <paramref name="name"/>.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    public CampaignTemplate SaveAsTemplate(string id, string name, string? description = null) => SaveAsTemplateAsync(id, name, description).GetAwaiter().GetResult();

    /// <inheritdoc cref="SaveAsTemplate"/>
    public Task<CampaignTemplate> SaveAsTemplateAsync(string id, string name, string? description = null, CancellationToken cancellationToken = default) =>
        _context.Write(async (s, c) =>
        {
            var template = (await LoadAsync(s, id, c).ConfigureAwait(false)).SaveAsTemplate(name, description);
            await s.Campaigns.PutTemplateAsync(template, c).ConfigureAwait(false);
            return template;
        }, cancellationToken).AsTask();

    /// <summary>The template named <paramref name="name"/>, or null.</summary>
    public CampaignTemplate? FindTemplate(string name) => FindTemplateAsync(name).GetAwaiter().GetResult();

    /// <inheritdoc cref="FindTemplate"/>
    public Task<CampaignTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        _context.Read((s, c) => s.Campaigns.FindTemplateAsync(Require.Name(name, "template"), c), cancellationToken).AsTask();

    /// <summary>The plan library, by name.</summary>
    public IReadOnlyList<CampaignTemplate> Templates() => TemplatesAsync().GetAwaiter().GetResult();

    /// <inheritdoc cref="Templates"/>
    public Task<IReadOnlyList<CampaignTemplate>> TemplatesAsync(CancellationToken cancellationToken = default) =>
        _context.Read((s, c) => s.Campaigns.TemplatesAsync(c), cancellationToken).AsTask();

    /// <summary>Every recorded assignment of campaign <paramref name="id"/>, by customer code.</summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    public IReadOnlyList<CampaignAssignment> Assignments(string id) => AssignmentsAsync(id).GetAwaiter().GetResult();

    /// <inheritdoc cref="Assignments"/>
    public Task<IReadOnlyList<CampaignAssignment>> AssignmentsAsync(string id, CancellationToken cancellationToken = default) =>
        _context.Read(async (s, c) =>
        {
            await LoadAsync(s, id, c).ConfigureAwait(false);
            return await s.Campaigns.AssignmentsAsync(id, c).ConfigureAwait(false);
        }, cancellationToken).AsTask();

    /// <summary>
    /// A dry run of campaign <paramref name="id"/> at <paramref name="at"/> (now when null) on today's
    /// base, in any status: the audience, its split, what the contact policy would let through and
    /// why it would hold back the rest, and the cost against the budget. Writes nothing.
    /// </summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="SegmentNotFoundException">The target or an eligibility rule names a segment that does not exist.</exception>
    public CampaignRehearsal Rehearse(string id, DateTimeOffset? at = null) => RehearseAsync(id, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Rehearse"/>
    public Task<CampaignRehearsal> RehearseAsync(string id, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var instant = Require.Instant(at ?? _context.Now, "at");
        return _context.Read((s, c) => new CampaignRunner(_context).RehearseAsync(s, id, instant, c), cancellationToken).AsTask();
    }

    /// <summary>
    /// Runs campaign <paramref name="id"/> at <paramref name="at"/> (now when null). An approved
    /// campaign starts running; a running one goes on. Inside the window, every audience member not
    /// yet assigned (late joiners included) is assigned and recorded first; then treated customers get
    /// care tasks through the contact policy, one occasion per campaign and offer
    /// (<c>campaign.{id}:{offer}</c>), so a run repeated creates nothing twice. Held-out customers are
    /// recorded and never given a task. Before the window opens the campaign only starts.
    /// </summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is neither approved nor running; nothing was written.</exception>
    /// <exception cref="CrmValidationException">The window has closed at <paramref name="at"/>; nothing was written.</exception>
    public CampaignRunResult Run(string id, string actor, DateTimeOffset? at = null) => RunAsync(id, actor, at).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public Task<CampaignRunResult> RunAsync(string id, string actor, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        Tracing.RunAsync(CrmTelemetry.CampaignRunActivity, [("crmkit.campaign.id", id)], () =>
        {
            Require.Name(actor, "actor");
            var instant = Require.Instant(at ?? _context.Now, "at");
            return _context.Write((s, c) => new CampaignRunner(_context).RunAsync(s, id, actor, instant, c), cancellationToken);
        }, (activity, r) => activity
            .SetTag("crmkit.campaign.assigned", r.NewlyAssigned)
            .SetTag("crmkit.campaign.held_out", r.NewlyHeldOut)
            .SetTag("crmkit.campaign.audience", r.Assigned)
            .SetTag("crmkit.care.created", r.Sweep?.Created ?? 0)
            .SetTag("crmkit.care.suppressed", r.Sweep?.Suppressed ?? 0)).AsTask();

    /// <summary>
    /// Evaluates campaign <paramref name="id"/> from its recorded assignments, its tasks and the
    /// interaction log: per offer and for the holdout, and each offer's uplift with 95% intervals
    /// over intent-to-treat and contacted (see docs/campaigns.md). Writes nothing.
    /// </summary>
    /// <exception cref="CampaignNotFoundException">No such campaign.</exception>
    public CampaignEvaluation Evaluate(string id) => EvaluateAsync(id).GetAwaiter().GetResult();

    /// <inheritdoc cref="Evaluate"/>
    public Task<CampaignEvaluation> EvaluateAsync(string id, CancellationToken cancellationToken = default) =>
        _context.Read((s, c) => new CampaignRunner(_context).EvaluateAsync(s, id, c), cancellationToken).AsTask();
}
