namespace CrmKit;

/// <summary>
/// A campaign: its id, its plan and the recorded steps of its lifecycle. Every step returns a new
/// campaign; an illegal step throws <see cref="IllegalCampaignTransitionException"/> naming the
/// allowed ones. Only an approved campaign may start running, and only a draft's plan may change.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class Campaign
{
    private Campaign(string id, CampaignPlan plan, IReadOnlyList<CampaignStep> history, string? copiedFrom)
    {
        Id = id;
        Plan = plan;
        History = history;
        CopiedFrom = copiedFrom;
    }

    /// <summary>The campaign's id: lower-case letters, digits, '-', '_' or '.'. It seeds the holdout assignment, so a copy with a new id draws a new random split.</summary>
    public string Id { get; }

    /// <summary>What the campaign intends.</summary>
    public CampaignPlan Plan { get; }

    /// <summary>Every step taken, oldest first; the first is the creation as a draft.</summary>
    public IReadOnlyList<CampaignStep> History { get; }

    /// <summary>The template or campaign this one was copied from, if any.</summary>
    public string? CopiedFrom { get; }

    /// <summary>Where the campaign is now: the last step's status.</summary>
    public CampaignStatus Status => History[^1].To;

    /// <summary>The statuses the campaign may move to next.</summary>
    public IReadOnlyList<CampaignStatus> AllowedNext => CampaignLifecycle.Allowed(Status);

    /// <summary>Creates a draft campaign.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="plan">Its plan.</param>
    /// <param name="actor">Who created it.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why; defaults to <c>created</c>.</param>
    /// <exception cref="CrmValidationException">The id, actor, instant or reason is not acceptable.</exception>
    public static Campaign Draft(string id, CampaignPlan plan, string actor, DateTimeOffset at, string reason = "created")
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(Require.Identifier(id, "campaign.id"), plan, [Step(null, CampaignStatus.Draft, at, actor, reason)], null);
    }

    /// <summary>Creates a draft from a template's plan, with a new window.</summary>
    /// <exception cref="CrmValidationException">A value is not acceptable.</exception>
    public static Campaign FromTemplate(CampaignTemplate template, string id, CampaignWindow window, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(template);
        var plan = template.Plan with { Window = window };
        return new(Require.Identifier(id, "campaign.id"), plan, [Step(null, CampaignStatus.Draft, at, actor, $"copied from template '{template.Name}'")], template.Name);
    }

    /// <summary>A new draft with this campaign's plan under a new id and window; this campaign is unchanged.</summary>
    /// <exception cref="CrmValidationException">A value is not acceptable, or <paramref name="id"/> is this campaign's own id.</exception>
    public Campaign CopyAs(string id, CampaignWindow window, string actor, DateTimeOffset at)
    {
        if (id == Id) throw new CrmValidationException("campaign.id", $"'{id}' is the id of the campaign being copied.");
        return new(Require.Identifier(id, "campaign.id"), Plan with { Window = window }, [Step(null, CampaignStatus.Draft, at, actor, $"copied from campaign '{Id}'")], Id);
    }

    /// <summary>Saves this campaign's plan as a template named <paramref name="name"/>.</summary>
    public CampaignTemplate SaveAsTemplate(string name, string? description = null) => new(name, Plan, description);

    /// <summary>The same campaign with a changed plan; only a draft may change its plan.</summary>
    /// <exception cref="CrmValidationException">The campaign is not a draft.</exception>
    public Campaign WithPlan(CampaignPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Status != CampaignStatus.Draft)
            throw new CrmValidationException("plan", $"campaign '{Id}' is {Status.ToString().ToLowerInvariant()}; only a draft's plan may change.");
        return new(Id, plan, History, CopiedFrom);
    }

    /// <summary>Submits the draft for approval.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not a draft.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign Submit(string actor, DateTimeOffset at, string reason) => MoveTo(CampaignStatus.Submitted, actor, at, reason);

    /// <summary>Approves the submitted campaign.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not submitted.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign Approve(string actor, DateTimeOffset at, string reason) => MoveTo(CampaignStatus.Approved, actor, at, reason);

    /// <summary>Sends the submitted campaign back to draft, for changes.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not submitted.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign SendBack(string actor, DateTimeOffset at, string reason) => MoveTo(CampaignStatus.Draft, actor, at, reason);

    /// <summary>Starts the approved campaign. It may start before its window opens (nothing is contacted until then) but not once it has closed.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not approved.</exception>
    /// <exception cref="CrmValidationException">The window has already closed at <paramref name="at"/>, or a value is not acceptable.</exception>
    public Campaign Start(string actor, DateTimeOffset at, string reason)
    {
        if (Status == CampaignStatus.Approved && at >= Plan.Window.End)
            throw new CrmValidationException("at", $"{at:o} is at or after the end of campaign '{Id}''s window {Plan.Window.End:o}.");
        return MoveTo(CampaignStatus.Running, actor, at, reason);
    }

    /// <summary>Completes the running campaign.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is not running.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign Complete(string actor, DateTimeOffset at, string reason) => MoveTo(CampaignStatus.Completed, actor, at, reason);

    /// <summary>Cancels the campaign from any status before completion.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The campaign is completed or already cancelled.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign Cancel(string actor, DateTimeOffset at, string reason) => MoveTo(CampaignStatus.Cancelled, actor, at, reason);

    /// <summary>Takes one lifecycle step to <paramref name="to"/>, recording who, when and why.</summary>
    /// <exception cref="IllegalCampaignTransitionException">The lifecycle has no step from the current status to <paramref name="to"/>.</exception>
    /// <exception cref="CrmValidationException">The actor, instant or reason is not acceptable, or the instant is before the last step.</exception>
    public Campaign MoveTo(CampaignStatus to, string actor, DateTimeOffset at, string reason)
    {
        if (!CampaignLifecycle.IsAllowed(Status, to)) throw new IllegalCampaignTransitionException(Id, Status, to, AllowedNext);
        if (at < History[^1].At)
            throw new CrmValidationException("at", $"{at:o} is before campaign '{Id}''s last step at {History[^1].At:o}.");
        return new(Id, Plan, [.. History, Step(Status, to, at, actor, reason)], CopiedFrom);
    }

    /// <summary>
    /// Rebuilds a campaign from its stored parts, checking that the history starts with a draft,
    /// is contiguous, follows the lifecycle and never goes back in time.
    /// </summary>
    /// <exception cref="CrmValidationException">The parts do not make a valid campaign.</exception>
    internal static Campaign Restore(string id, CampaignPlan plan, IReadOnlyList<CampaignStep> history, string? copiedFrom)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(history);
        Require.Identifier(id, "campaign.id");
        if (history.Count == 0 || history[0].From is not null || history[0].To != CampaignStatus.Draft)
            throw new CrmValidationException("campaign.history", $"of '{id}' does not start with its creation as a draft.");
        for (var i = 1; i < history.Count; i++)
        {
            var (previous, step) = (history[i - 1], history[i]);
            if (step.From != previous.To || !CampaignLifecycle.IsAllowed(previous.To, step.To) || step.At < previous.At)
                throw new CrmValidationException($"campaign.history[{i}]", $"of '{id}' does not follow from {previous.To} at {previous.At:o}.");
        }
        return new(id, plan, history.ToArray(), Require.OptionalName(copiedFrom, "campaign.copiedFrom"));
    }

    private static CampaignStep Step(CampaignStatus? from, CampaignStatus to, DateTimeOffset at, string actor, string reason) =>
        new(from, to, Require.Instant(at, "at"), Require.Name(actor, "actor"),
            Require.OptionalText(reason ?? throw new CrmValidationException("reason", "is required but was null."), "reason")!);
}
