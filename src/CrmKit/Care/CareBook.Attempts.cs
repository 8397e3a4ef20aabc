using System.Globalization;
using CrmKit.Storage;

namespace CrmKit;

public sealed partial class CareBook
{
    /// <summary>
    /// Records a contact attempt on an open task, on the channel actually used, as an interaction of
    /// kind <c>contact-attempt</c>, and applies the contact policy's <see cref="ContactPolicy.Retry"/>:
    /// a retry moves the task's due time to the next attempt (outside quiet hours; a retry is the same
    /// task, so it never counts against the cap again); reached leaves the task open to be completed
    /// or declined; a wrong number, or attempts run out, closes it as <see cref="CareTaskStatus.Unreachable"/>.
    /// A task never gets more attempts than <see cref="RetryPolicy.MaxAttempts"/>. One transaction.
    /// </summary>
    /// <param name="id">The task.</param>
    /// <param name="outcome">How the attempt ended.</param>
    /// <param name="actor">Who made it.</param>
    /// <param name="details">The channel used, when, a callback time, a note; all optional.</param>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    /// <exception cref="CrmValidationException">The task is not open or has had all its attempts, the channel is one the customer opted out of, or a value is out of range.</exception>
    public AttemptResult Attempt(long id, AttemptOutcome outcome, string actor, AttemptDetails? details = null) =>
        AttemptAsync(id, outcome, actor, details).GetAwaiter().GetResult();

    /// <inheritdoc cref="Attempt"/>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<AttemptResult> AttemptAsync(long id, AttemptOutcome outcome, string actor, AttemptDetails? details = null, CancellationToken cancellationToken = default)
    {
        Require.Name(actor, "actor");
        details ??= AttemptDetails.None;
        return _context.Write(async (s, ct) =>
        {
            var task = await GetAsync(s, id, ct).ConfigureAwait(false);
            if (task.Status != CareTaskStatus.Open)
                throw new CrmValidationException("task", $"{id} is {task.Status.ToString().ToLowerInvariant()}, not open; only an open task is attempted.");
            var policy = _context.Options.ContactPolicy;
            var made = (await s.Operations.AttemptCountsAsync([task.Id], ct).ConfigureAwait(false)).GetValueOrDefault(task.Id);
            if (made >= policy.Retry.MaxAttempts)
                throw new CrmValidationException("task", $"{id} has had its {made} attempt(s), the most the retry policy allows; complete or decline it.");
            var channel = details.Channel ?? task.Channel;
            var customer = await ContactRules.AllowedAsync(s, task.Customer, channel, policy, ct).ConfigureAwait(false);
            var at = ContactRules.Time(details.At, _context.Now);
            var attempt = await s.Operations.AppendAttemptAsync(new ContactAttempt(task.Customer, task.Id, null, channel, at, outcome, actor)
            {
                CallbackAt = details.CallbackAt,
                Note = details.Note,
            }, ct).ConfigureAwait(false);
            await ContactRules.RecordAsync(_context, s, attempt, task.OccasionKey, ct).ConfigureAwait(false);

            var attempts = await s.Operations.AttemptsOfTaskAsync(task.Id, ct).ConfigureAwait(false);
            var decision = policy.Retry.Next(attempts, customer.Zone, policy, task.Due + policy.ExpireAfter);
            var after = decision.Verdict switch
            {
                RetryVerdict.Retry => task with { Due = decision.NextAt!.Value },
                RetryVerdict.Reached => task,
                _ => task.GiveUp(decision.Reason, actor, at),
            };
            if (!ReferenceEquals(after, task)) await s.Care.UpdateAsync(after, null, ct).ConfigureAwait(false);
            return new AttemptResult(attempt, decision, after, null);
        }, cancellationToken).AsTask();
    }

    /// <summary>The contact attempts on a task, oldest first.</summary>
    /// <exception cref="CareTaskNotFoundException">No such task.</exception>
    public IReadOnlyList<ContactAttempt> Attempts(long id) => _context.Read<IReadOnlyList<ContactAttempt>>(async (s, ct) =>
    {
        await GetAsync(s, id, ct).ConfigureAwait(false);
        return [.. (await s.Operations.AttemptsOfTaskAsync(id, ct).ConfigureAwait(false)).OrderBy(a => a.At.UtcTicks).ThenBy(a => a.Id)];
    }, default).Wait();

    /// <summary>
    /// One contact that settled several occasions (a call that gave a birthday greeting and renewed a
    /// policy): every task given closes with its own outcome (done, or declined), one care-contact
    /// interaction records the contact on the channel used, and each occasion's open tasks on other
    /// channels are withdrawn (the closed loop). All in one transaction: if any task is not open or
    /// belongs to another customer, nothing is written.
    /// </summary>
    /// <param name="settled">The tasks and their outcomes; at least one, each task once, all of one customer.</param>
    /// <param name="actor">Who made the contact.</param>
    /// <param name="channel">The channel used; the first task's channel when null.</param>
    /// <param name="at">When the contact was made; now when null. Never later than now.</param>
    /// <returns>The closed tasks, in the order given.</returns>
    /// <exception cref="CareTaskNotFoundException">A task does not exist.</exception>
    /// <exception cref="CrmValidationException">The list is empty or repeats a task, a task is not open, the tasks belong to more than one customer, or a value is invalid.</exception>
    public IReadOnlyList<CareTask> Settle(IReadOnlyList<TaskSettlement> settled, string actor, Channel? channel = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Count == 0) throw new CrmValidationException("settled", "is empty; give at least one task.");
        for (var i = 0; i < settled.Count; i++)
        {
            if (settled[i] is null) throw new CrmValidationException($"settled[{i}]", "is null.");
            Require.Name(settled[i].Outcome, $"settled[{i}].outcome", Require.MaxTextLength);
        }
        if (settled.GroupBy(x => x.Task).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CrmValidationException("settled", $"task {twice.Key} is given twice.");
        Require.Name(actor, "actor");
        return _context.Write<IReadOnlyList<CareTask>>(async (s, ct) =>
        {
            var now = ContactRules.Time(at, _context.Now);
            var tasks = new List<CareTask>();
            foreach (var x in settled) tasks.Add(await GetAsync(s, x.Task, ct).ConfigureAwait(false));
            if (tasks.Select(t => t.Customer).Distinct().Skip(1).Any())
                throw new CrmValidationException("settled", $"the tasks belong to {string.Join(", ", tasks.Select(t => t.Customer.Value).Distinct())}; one contact settles one customer's occasions.");
            var used = channel ?? tasks[0].Channel;
            var closed = new List<CareTask>();
            for (var i = 0; i < tasks.Count; i++)
            {
                var status = settled[i].Declined ? CareTaskStatus.Declined : CareTaskStatus.Done;
                var done = tasks[i].Close(status, settled[i].Outcome, actor, now);
                await s.Care.UpdateAsync(done, null, ct).ConfigureAwait(false);
                closed.Add(done);
            }
            var ids = string.Join(",", closed.Select(t => t.Id.ToString(CultureInfo.InvariantCulture)));
            var contact = new Interaction(tasks[0].Customer, InteractionKind.CareContact, used, now)
            {
                Outcome = closed.All(t => t.Status == CareTaskStatus.Declined) ? "declined" : "done",
                Staff = actor,
                Notes = string.Join("; ", closed.Select(t => $"{t.OccasionKey}: {t.Outcome}")),
                Metadata = new Dictionary<string, string> { ["care-tasks"] = ids, ["occasions"] = string.Join(",", closed.Select(t => t.OccasionKey)) },
            };
            contact.Check(_context.Options, null);
            await new InteractionLog(_context).AppendAsync(s, [contact], ct).ConfigureAwait(false);
            foreach (var done in closed)
            {
                var group = await s.Care.OfAsync(done.Customer, ct).ConfigureAwait(false);
                await ClosedLoop.StandDownAsync(s.Care, done, group, actor, null, now, ct).ConfigureAwait(false);
            }
            return closed;
        }, default).Wait();
    }
}
