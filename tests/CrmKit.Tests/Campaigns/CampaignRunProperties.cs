using CrmKit.Tests.Storage.Contract;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Campaigns;

/// <summary>The lifecycle rule a run keeps through the database: only an approved (or already running) campaign runs.</summary>
public class CampaignRunProperties
{
    [Property(MaxTest = 25)]
    public Property An_unapproved_campaign_never_runs() =>
        Prop.ForAll(OperationsGenerators.StatusRequests.ToArbitrary(), requests =>
        {
            using var db = TestDatabase.InMemory();
            CampaignContract.SeedAtRisk(db, 12);
            db.Crm.Campaigns.Create("q", CampaignContract.Plan(db.Clock.GetUtcNow()), "a");
            foreach (var to in requests)
            {
                db.Clock.Advance(TimeSpan.FromMinutes(1));
                var campaign = db.Crm.Campaigns.Get("q");
                if (!campaign.AllowedNext.Contains(to) || to == CampaignStatus.Running) continue;
                _ = to switch
                {
                    CampaignStatus.Submitted => db.Crm.Campaigns.Submit("q", "a", "r"),
                    CampaignStatus.Approved => db.Crm.Campaigns.Approve("q", "b", "r"),
                    CampaignStatus.Draft => db.Crm.Campaigns.SendBack("q", "b", "r"),
                    CampaignStatus.Cancelled => db.Crm.Campaigns.Cancel("q", "b", "r"),
                    _ => db.Crm.Campaigns.Complete("q", "b", "r"),
                };
            }
            var before = db.Crm.Campaigns.Get("q").Status;
            var tasks = db.Crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items.Count;
            try
            {
                db.Crm.Campaigns.Run("q", "runner");
            }
            catch (IllegalCampaignTransitionException)
            {
                var after = db.Crm.Campaigns.Get("q");
                return (before is not (CampaignStatus.Approved or CampaignStatus.Running) && after.Status == before
                        && db.Crm.Campaigns.Assignments("q").Count == 0 && db.Crm.Care.Tasks(null, new PageRequest(0, 1_000)).Items.Count == tasks)
                    .Label($"refused from {before}; now {after.Status}");
            }
            return (before is CampaignStatus.Approved or CampaignStatus.Running).Label($"ran from {before} after {string.Join(", ", requests)}");
        });
}
