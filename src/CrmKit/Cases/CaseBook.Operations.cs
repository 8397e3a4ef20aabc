using CrmKit.Storage;

namespace CrmKit;

public sealed partial class CaseBook
{
    /// <summary>Takes an open (unowned) case from the queue for <paramref name="owner"/>: it becomes assigned to them, recorded with them as the actor.</summary>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    /// <exception cref="IllegalCaseTransitionException">The case is not open (someone holds it already; transfer it instead).</exception>
    public ServiceCase Claim(long id, string owner, string? note = null) => Change(id, (c, at) => c.Assign(owner, owner, at, note ?? "claimed from the queue"));

    /// <summary>
    /// Records a contact attempt on an active case, on the channel actually used, as an interaction
    /// of kind <c>contact-attempt</c> and as a change in the case's history; reaching the customer
    /// counts as a response. The retry policy's answer says when to try again. One transaction.
    /// </summary>
    /// <param name="id">The case.</param>
    /// <param name="outcome">How the attempt ended.</param>
    /// <param name="actor">Who made it.</param>
    /// <param name="details">The channel used (the case's when null), when, a callback time, a note.</param>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    /// <exception cref="IllegalCaseTransitionException">The case is resolved or closed.</exception>
    /// <exception cref="CrmValidationException">The channel is one the customer opted out of, or a value is out of range.</exception>
    public AttemptResult Attempt(long id, AttemptOutcome outcome, string actor, AttemptDetails? details = null)
    {
        Require.Name(actor, "actor");
        details ??= AttemptDetails.None;
        return _context.Write(async (s, ct) =>
        {
            var (record, current) = await LoadAsync(s, id, ct).ConfigureAwait(false);
            var policy = _context.Options.ContactPolicy;
            var channel = details.Channel ?? current.Channel;
            var customer = await ContactRules.AllowedAsync(s, current.Customer, channel, policy, ct).ConfigureAwait(false);
            var at = ContactRules.Time(details.At, _context.Now);
            var attempt = new ContactAttempt(current.Customer, null, current.Id, channel, at, outcome, actor) { CallbackAt = details.CallbackAt, Note = details.Note };
            var changed = current.RecordAttempt(attempt);
            attempt = await s.Operations.AppendAttemptAsync(attempt, ct).ConfigureAwait(false);
            await s.Cases.UpdateAsync(CaseDocument.ToRecord(changed), record.Changes, ct).ConfigureAwait(false);
            await ContactRules.RecordAsync(_context, s, attempt, null, ct).ConfigureAwait(false);
            var attempts = await s.Operations.AttemptsOfCaseAsync(id, ct).ConfigureAwait(false);
            return new AttemptResult(attempt, policy.Retry.Next(attempts, customer.Zone, policy), null, changed);
        }, default).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The contact attempts on a case, oldest first.</summary>
    /// <exception cref="CaseNotFoundException">No case has the id.</exception>
    public IReadOnlyList<ContactAttempt> Attempts(long id) => _context.Read<IReadOnlyList<ContactAttempt>>(async (s, ct) =>
    {
        await LoadAsync(s, id, ct).ConfigureAwait(false);
        return [.. (await s.Operations.AttemptsOfCaseAsync(id, ct).ConfigureAwait(false)).OrderBy(a => a.At.UtcTicks).ThenBy(a => a.Id)];
    }, default).AsTask().GetAwaiter().GetResult();

    /// <summary>The stored new case, assigned when an assignment rule covering cases places it.</summary>
    private async ValueTask<ServiceCase> RouteAsync(IStoreSession s, ServiceCase opened, CustomerRecord customer, CancellationToken ct)
    {
        var routing = _context.Options.Routing;
        if (!routing.Rules.Any(r => r.Covers(AssignmentScope.Cases))) return opened;
        var snapshot = new CustomerSnapshot(customer.Customer, customer.Stats) { Value = await s.Values.OfAsync(customer.Customer.Code, ct).ConfigureAwait(false) };
        if (await new Router(routing, s).PickAsync(AssignmentScope.Cases, snapshot, opened.Tier, null, ct).ConfigureAwait(false) is not { } routed) return opened;
        var assigned = opened.Assign(routed.Owner, Router.Actor, opened.OpenedAt, routed.Note);
        await s.Cases.UpdateAsync(CaseDocument.ToRecord(assigned), opened.History.Count, ct).ConfigureAwait(false);
        return assigned;
    }
}
