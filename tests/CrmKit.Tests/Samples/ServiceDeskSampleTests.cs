using CrmKit.Storage;

namespace CrmKit.Tests.Samples;

/// <summary>Runs the insurance sample end to end and checks its service desk: routed complaints, an escalation, and a leaving salesperson's book.</summary>
public sealed class ServiceDeskSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public ServiceDeskSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InsuranceGrading_escalates_a_late_complaint_once_and_reassigns_a_leaving_salespersons_whole_book()
    {
        var (exit, output) = SampleRunner.Run("InsuranceGrading", _folder);

        Assert.True(exit == 0, output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "insurance.db")));

        // Complaints were routed to the complaints desk, least loaded first.
        var cases = crm.Cases.List(CaseQuery.All);
        var payout = Assert.Single(cases, c => c.Customer == "L-008");
        var invoice = Assert.Single(cases, c => c.Customer == "L-005");
        Assert.Equal(("care.li", "care.wu"), (payout.History.First(h => h.Kind == CaseChangeKind.Assigned).ToOwner, invoice.History.First(h => h.Kind == CaseChangeKind.Assigned).ToOwner));

        // The payout complaint: an unanswered call, then a reached one that was the first response in time; resolved with its root cause.
        Assert.Equal([AttemptOutcome.NoAnswer, AttemptOutcome.Reached], crm.Cases.Attempts(payout.Id).Select(a => a.Outcome));
        Assert.True(payout.FirstResponseAt <= payout.FirstResponseDue);
        Assert.Empty(payout.Escalations);
        Assert.Equal("claims-backlog", payout.Resolution!.RootCause);

        // The invoice complaint was answered late: escalated once, to the team lead.
        var escalation = Assert.Single(invoice.Escalations);
        Assert.Equal((CaseDeadline.FirstResponse, "team-lead"), (escalation.Deadline, invoice.Level));
        Assert.Equal("care.lead", invoice.History.Single(h => h.Kind == CaseChangeKind.Escalated).ToOwner);
        Assert.True(invoice.FirstResponseAt > invoice.FirstResponseDue);
        Assert.Equal("billing-error", invoice.Resolution!.RootCause);

        // Ana left: nothing of hers is open or owned any more, nothing was lost, and every move is in the history.
        Assert.Empty(crm.Customers.OwnedBy("sales.ana", PageRequest.First).Items);
        Assert.Empty(crm.Queues.Open(new QueueQuery { Owner = "sales.ana" }));
        var formerlyAnas = crm.Customers.All(new PageRequest(0, 1_000)).Items
            .Where(c => crm.Queues.OwnerHistory(c.Code).Any(h => h.From == "sales.ana")).ToList();
        Assert.InRange(formerlyAnas.Count, 30, 36);
        Assert.All(formerlyAnas, c => Assert.Contains(c.Owner, new[] { "sales.bo", "sales.cy" }));
        Assert.All(formerlyAnas, c => Assert.Equal([OwnerChangeKind.Routed, OwnerChangeKind.Reassigned],
            crm.Queues.OwnerHistory(c.Code).Where(h => h.Task is null).Select(h => h.Kind)));
        var renewals = crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 1_000)).Items.Where(t => t.Rule == "renewal").ToList();
        Assert.NotEmpty(renewals);
        Assert.All(renewals, t => Assert.Equal(crm.Customers.Get(t.Customer).Owner, t.Owner));
        var request = Assert.Single(cases, c => c.Category == "service-request");
        Assert.Equal(("sales.ana", "sales.cy"), (request.History[^1].FromOwner, request.Owner));
        Assert.Contains("Ana now holds 0 customers and 0 open items.", output.Replace("\n", " ", StringComparison.Ordinal));
    }
}
