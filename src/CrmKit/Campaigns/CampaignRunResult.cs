namespace CrmKit;

/// <summary>
/// What one run of a campaign did: the campaign after it (running), the customers newly assigned
/// in this run (late joiners included) and how many of them were held out, the audience assigned so
/// far, and the care sweep that gave treated customers their tasks through the contact policy.
/// </summary>
/// <param name="Campaign">The campaign after the run.</param>
/// <param name="At">The run's instant.</param>
/// <param name="NewlyAssigned">Customers assigned by this run.</param>
/// <param name="NewlyHeldOut">Of them, held out.</param>
/// <param name="Assigned">Every customer assigned so far, this run included.</param>
/// <param name="Sweep">The sweep over the treated customers; null when the window had not opened yet (nobody was assigned or contacted).</param>
public sealed record CampaignRunResult(Campaign Campaign, DateTimeOffset At, int NewlyAssigned, int NewlyHeldOut, int Assigned, SweepResult? Sweep);
