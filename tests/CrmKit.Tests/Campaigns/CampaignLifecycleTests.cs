using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>The campaign lifecycle, plan checks and the plan library.</summary>
public class CampaignLifecycleTests
{
    private static readonly DateTimeOffset T0 = OperationsGenerators.CampaignStart.AddDays(-7);
    private static CampaignPlan Plan => OperationsGenerators.PlanWith([new("discount", "10% off", 0.5), new("upgrade", "free upgrade", 0.5)], 0.1, TimeSpan.FromDays(30), TimeSpan.FromDays(14));

    [Fact]
    public void A_campaign_goes_from_draft_to_completed_recording_who_when_and_why()
    {
        var campaign = Campaign.Draft("q4-retention", Plan, "am.silva", T0)
            .Submit("am.silva", T0.AddHours(1), "ready")
            .Approve("head.ops", T0.AddHours(2), "budget fits")
            .Start("scheduler", T0.AddDays(7), "window opened")
            .Complete("scheduler", T0.AddDays(37), "window closed");
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        Assert.Equal([null, CampaignStatus.Draft, CampaignStatus.Submitted, CampaignStatus.Approved, CampaignStatus.Running], campaign.History.Select(s => s.From));
        Assert.Equal(("head.ops", "budget fits", T0.AddHours(2)), (campaign.History[2].Actor, campaign.History[2].Reason, campaign.History[2].At));
        Assert.Empty(campaign.AllowedNext);
    }

    [Fact]
    public void Starting_a_campaign_that_is_not_approved_names_the_allowed_steps()
    {
        var draft = Campaign.Draft("q4-retention", Plan, "am.silva", T0);
        var e = Assert.Throws<IllegalCampaignTransitionException>(() => draft.Start("am.silva", T0, "go"));
        Assert.Equal((CampaignStatus.Draft, CampaignStatus.Running), (e.From, e.To));
        Assert.Equal([CampaignStatus.Submitted, CampaignStatus.Cancelled], e.Allowed);
        Assert.Contains("Allowed from draft: submitted, cancelled", e.Message);
    }

    [Fact]
    public void A_step_back_in_time_or_after_the_window_is_refused()
    {
        var approved = Campaign.Draft("q4", Plan, "a", T0).Submit("a", T0, "").Approve("b", T0.AddHours(1), "ok");
        Assert.Equal("at", Assert.Throws<CrmValidationException>(() => approved.Start("c", T0, "early")).Field);
        Assert.Equal("at", Assert.Throws<CrmValidationException>(() => approved.Start("c", Plan.Window.End, "late")).Field);
    }

    [Fact]
    public void Only_a_draft_changes_its_plan_and_a_sent_back_campaign_is_a_draft_again()
    {
        var submitted = Campaign.Draft("q4", Plan, "a", T0).Submit("a", T0, "");
        Assert.Equal("plan", Assert.Throws<CrmValidationException>(() => submitted.WithPlan(Plan with { Budget = 5 })).Field);
        var changed = submitted.SendBack("b", T0.AddHours(1), "budget too high").WithPlan(Plan with { Budget = 5 });
        Assert.Equal((CampaignStatus.Draft, 5m), (changed.Status, changed.Plan.Budget));
    }

    [Fact]
    public void Plans_are_checked_also_through_with()
    {
        Assert.Equal("plan.holdoutShare", Assert.Throws<CrmValidationException>(() => Plan with { HoldoutShare = 1 }).Field);
        Assert.Equal("plan.offers", Assert.Throws<CrmValidationException>(() => Plan with { Offers = [new("a", "a", 0.5), new("b", "b", 0.4)] }).Field);
        Assert.Equal("plan.offers", Assert.Throws<CrmValidationException>(() => Plan with { Offers = [new("a", "a", 0.5), new("a", "b", 0.5)] }).Field);
        Assert.Equal("plan.channels", Assert.Throws<CrmValidationException>(() => Plan with { Channels = [] }).Field);
        Assert.Equal("plan.budget", Assert.Throws<CrmValidationException>(() => Plan with { Budget = -1 }).Field);
        Assert.Equal("plan.attributionWindow", Assert.Throws<CrmValidationException>(() => Plan with { AttributionWindow = TimeSpan.Zero }).Field);
        Assert.Equal("offer.code", Assert.Throws<CrmValidationException>(() => new CampaignOffer("holdout", "x", 1)).Field);
        Assert.Equal("response", Assert.Throws<CrmValidationException>(() => new ResponseRule([])).Field);
        Assert.Equal("window.end", Assert.Throws<CrmValidationException>(() => new CampaignWindow(T0, T0)).Field);
        Assert.Equal(CampaignPlan.DefaultHoldoutShare, new CampaignPlan
        {
            Name = "n", Goal = "", Owner = "o", Target = CampaignTarget.OfScript("big-spenders"), Offers = [new("only", "x", 1)],
            Channels = [Channel.Email], Window = new(T0, T0.AddDays(1)), Response = ResponseRule.OfPurchase(),
        }.HoldoutShare);
    }

    [Fact]
    public void Templates_give_new_drafts_with_their_own_window_and_id()
    {
        var original = Campaign.Draft("q4", Plan, "a", T0).Submit("a", T0, "").Approve("b", T0, "ok");
        var template = original.SaveAsTemplate("retention-plan", "the standard retention push");
        var window = new CampaignWindow(T0.AddDays(90), T0.AddDays(120));
        var fromTemplate = Campaign.FromTemplate(template, "q1-retention", window, "am.silva", T0.AddDays(60));
        Assert.Equal((CampaignStatus.Draft, "retention-plan", window), (fromTemplate.Status, fromTemplate.CopiedFrom, fromTemplate.Plan.Window));
        Assert.Equal(Plan with { Window = window }, fromTemplate.Plan);
        var copy = original.CopyAs("q4-again", window, "a", T0.AddDays(1));
        Assert.Equal(("q4", CampaignStatus.Draft, CampaignStatus.Approved), (copy.CopiedFrom, copy.Status, original.Status));
        Assert.Throws<CrmValidationException>(() => original.CopyAs("q4", window, "a", T0));
    }

    [Fact]
    public void A_stored_history_is_restored_only_when_it_follows_the_lifecycle()
    {
        var running = Campaign.Draft("q4", Plan, "a", T0).Submit("a", T0, "").Approve("b", T0, "ok").Start("c", T0.AddDays(7), "go");
        var restored = Campaign.Restore("q4", Plan, running.History, null);
        Assert.Equal(CampaignStatus.Running, restored.Status);
        var skipped = running.History.Where(s => s.To != CampaignStatus.Approved).ToArray();
        Assert.Throws<CrmValidationException>(() => Campaign.Restore("q4", Plan, skipped, null));
    }

    [Property(MaxTest = 300)]
    public Property An_unapproved_campaign_never_reaches_running() =>
        Prop.ForAll(OperationsGenerators.StatusRequests.ToArbitrary(), requests =>
        {
            var campaign = Campaign.Draft("c", Plan, "a", T0);
            foreach (var (to, i) in requests.Select((r, i) => (r, i)))
            {
                var before = campaign.Status;
                try
                {
                    campaign = campaign.MoveTo(to, "actor", T0.AddMinutes(i), "step");
                }
                catch (IllegalCampaignTransitionException e)
                {
                    if (e.Allowed.Contains(to)) return false.Label($"{before} → {to} refused though allowed");
                    continue;
                }
                if (to == CampaignStatus.Running && before != CampaignStatus.Approved) return false.Label($"{before} → running was taken");
            }
            var history = campaign.History;
            for (var i = 1; i < history.Count; i++)
            {
                if (history[i].From != history[i - 1].To) return false.Label($"history breaks at {i}");
                if (history[i].To == CampaignStatus.Running && history[i].From != CampaignStatus.Approved) return false.Label("ran unapproved");
            }
            return true.Label("ok");
        });
}
