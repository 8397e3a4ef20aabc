using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Cases;

/// <summary>Invariants of cases under any sequence of operations, contact attempts and escalation sweeps.</summary>
public class CaseProperties
{
    private static readonly string[] Owners = ["ana", "omar", "李"];

    /// <summary>Runs the actions; illegal ones are refused and leave the case as it was. Returns the case and, per deadline, whether a sweep saw it breached.</summary>
    private static (ServiceCase Case, bool[] BreachSeen, string? Failure) Run((int Action, int Minutes)[] actions)
    {
        var c = CaseTests.Complaint().WithId(1);
        var at = c.OpenedAt;
        var seen = new bool[2];
        foreach (var (action, minutes) in actions)
        {
            at = at.AddMinutes(minutes);
            var before = c;
            try
            {
                c = action switch
                {
                    0 => c.Assign(Owners[minutes % 3], "desk", at),
                    1 => c.Transfer(Owners[minutes % 3], "desk", at),
                    2 => c.Start("ana", at),
                    3 => c.Respond("ana", at),
                    4 => c.AwaitCustomer("ana", at),
                    5 => c.Resolve("cause-" + minutes % 4, "done", "ana", at),
                    6 => c.Close("ana", at),
                    7 => c.Reopen("ana", at, "not fixed"),
                    9 => c.RecordAttempt(new ContactAttempt(c.Customer, null, c.Id, minutes % 2 == 0 ? Channel.Phone : Channel.Sms, at, (AttemptOutcome)(minutes % 5), "ana")),
                    _ => Sweep(c, at, seen),
                };
            }
            catch (IllegalCaseTransitionException e)
            {
                if (e.Allowed.Count != c.AllowedNext.Count) return (c, seen, "the exception lists other statuses than the case allows");
                c = before;
            }
            catch (CrmValidationException)
            {
                c = before;
            }
        }
        return (c, seen, null);
    }

    private static ServiceCase Sweep(ServiceCase c, DateTimeOffset at, bool[] seen)
    {
        if (c.Status is not (CaseStatus.Resolved or CaseStatus.Closed))
        {
            if (c.FirstResponseAt is null && at > c.FirstResponseDue) seen[0] = true;
            if (at > c.ResolutionDue) seen[1] = true;
        }
        return CaseEscalator.Apply(c, at, CaseTests.Policy);
    }

    [Property(MaxTest = 300)]
    public Property A_cases_history_is_contiguous_and_follows_the_lifecycle() =>
        Prop.ForAll(OperationsGenerators.CaseActions.ToArbitrary(), actions =>
        {
            var (c, _, failure) = Run(actions);
            if (failure is not null) return false.Label(failure);
            var h = c.History;
            if (h[0].Kind != CaseChangeKind.Opened || h[0].From is not null || h[0].To != CaseStatus.Open) return false.Label("does not start with the opening");
            for (var i = 1; i < h.Count; i++)
            {
                if (h[i].From != h[i - 1].To) return false.Label($"status breaks at {i}");
                if (h[i].FromOwner != h[i - 1].ToOwner) return false.Label($"owner breaks at {i}");
                if (h[i].At < h[i - 1].At) return false.Label($"time goes back at {i}");
                var moved = h[i].From != h[i].To;
                var allowed = new Dictionary<CaseStatus, CaseStatus[]>
                {
                    [CaseStatus.Open] = [CaseStatus.Assigned],
                    [CaseStatus.Assigned] = [CaseStatus.InProgress, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved],
                    [CaseStatus.InProgress] = [CaseStatus.WaitingOnCustomer, CaseStatus.Resolved],
                    [CaseStatus.WaitingOnCustomer] = [CaseStatus.InProgress, CaseStatus.Resolved],
                    [CaseStatus.Resolved] = [CaseStatus.Closed, CaseStatus.Assigned],
                    [CaseStatus.Closed] = [CaseStatus.Assigned],
                };
                if (moved && !allowed[h[i].From!.Value].Contains(h[i].To)) return false.Label($"{h[i].From} → {h[i].To} at {i}");
            }
            if (c.Status != CaseStatus.Open && c.Owner is null) return false.Label("an owned status without an owner");
            var restored = ServiceCase.Restore(c.Id == 0 ? 1 : c.Id, c.Customer, c.Category, c.Priority, c.Tier, c.Subject, c.Channel, c.FirstResponseDue, c.ResolutionDue,
                c.FirstResponseAt, c.Level, c.History, c.Escalations, c.Resolutions);
            return (restored.Status == c.Status && restored.Owner == c.Owner).Label("restores as it was");
        });

    [Property(MaxTest = 300)]
    public Property A_deadline_breach_escalates_exactly_once() =>
        Prop.ForAll(OperationsGenerators.CaseActions.ToArbitrary(), actions =>
        {
            var (c, seen, failure) = Run(actions);
            if (failure is not null) return false.Label(failure);
            var first = c.Escalations.Count(e => e.Deadline == CaseDeadline.FirstResponse);
            var resolution = c.Escalations.Count(e => e.Deadline == CaseDeadline.Resolution);
            if (c.Escalations.Any(e => e.At <= e.Due)) return false.Label("escalated before the deadline passed");
            return (first == (seen[0] ? 1 : 0) && resolution == (seen[1] ? 1 : 0))
                .Label($"first-response escalations {first} (breach seen: {seen[0]}), resolution escalations {resolution} (breach seen: {seen[1]})");
        });
}
