using CrmKit.Hosting.Scheduling;
using CrmKit.Hosting.Telemetry;
using Microsoft.Extensions.Logging;

namespace CrmKit.Hosting.Jobs;

/// <summary>
/// The built-in <c>campaign-run</c> job: at each scheduled instant, runs every approved or running
/// campaign whose window is open, so customers who joined a campaign's target since the last run
/// are assigned (and, when treated, tasked) on the next run rather than whenever someone runs it
/// by hand. A campaign that fails is logged and the others still run.
/// </summary>
internal sealed class CampaignRunJob(CrmKitMetrics metrics) : ICrmJob
{
    public string Name => "campaign-run";

    public async Task RunAsync(CrmJobContext context, CancellationToken cancellationToken)
    {
        var at = context.ScheduledAt;
        foreach (var campaign in await context.Database.Campaigns.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (campaign.Status is not (CampaignStatus.Approved or CampaignStatus.Running) || !campaign.Plan.Window.Contains(at)) continue;
            try
            {
                var result = await context.Database.Campaigns.RunAsync(campaign.Id, Name, at, cancellationToken).ConfigureAwait(false);
                if (result.Sweep is { } sweep) metrics.TasksCreated(sweep.Created, Name);
                context.Logger.LogInformation("Campaign {Campaign} run at {At:o}: {Assigned} newly assigned ({HeldOut} held out), {Created} tasks created.",
                    campaign.Id, at, result.NewlyAssigned, result.NewlyHeldOut, result.Sweep?.Created ?? 0);
            }
            catch (CrmException e)
            {
                context.Logger.LogWarning("Campaign {Campaign} was not run at {At:o}: {Error}", campaign.Id, at, e.Message);
            }
        }
    }
}
