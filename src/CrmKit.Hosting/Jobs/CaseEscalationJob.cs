using CrmKit.Hosting.Scheduling;
using Microsoft.Extensions.Logging;

namespace CrmKit.Hosting.Jobs;

/// <summary>
/// The built-in <c>case-escalation</c> job: at each scheduled instant, escalates every active case
/// whose first-response or resolution deadline has passed, once per deadline, to the level or owner
/// the case policy names (<see cref="CaseBook.EscalateAsync(CancellationToken)"/>), so deadlines escalate without
/// anyone running a command. Running it again escalates nothing twice.
/// </summary>
internal sealed class CaseEscalationJob : ICrmJob
{
    public string Name => "case-escalation";

    public async Task RunAsync(CrmJobContext context, CancellationToken cancellationToken)
    {
        var escalated = await context.Database.Cases.EscalateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var c in escalated)
        {
            var last = c.Escalations[^1];
            context.Logger.LogInformation("Case {Case} ({Category}, {Customer}) escalated: {Deadline} deadline {Due:o} passed; now with {Owner} at level {Level}.",
                c.Id, c.Category, c.Customer.Value, last.Deadline, last.Due, c.Owner ?? "nobody", c.Level ?? "none");
        }
        context.Logger.LogInformation("Case escalation at {At:o}: {Count} case(s) escalated.", context.ScheduledAt, escalated.Count);
    }
}
