using CrmKit.Storage;

namespace CrmKit;

public sealed partial class QueueBook
{
    /// <summary>
    /// Moves everything a leaving owner holds to <paramref name="to"/>: the customers they own, their
    /// open care tasks and their active cases, each change recorded (customers and tasks in the owner
    /// history, cases as a transfer in their own history). Closed tasks and resolved cases keep the
    /// leaving owner, as history. One transaction.
    /// </summary>
    /// <exception cref="CrmValidationException">An owner name is invalid, or <paramref name="to"/> is <paramref name="from"/>.</exception>
    public ReassignResult Reassign(string from, string to, string actor, string? note = null)
    {
        Require.Name(to, "to");
        if (to == from) throw new CrmValidationException("to", $"'{to}' is the leaving owner.");
        return ReassignCore(from, null, to, actor, note);
    }

    /// <summary>
    /// Moves everything a leaving owner holds as the assignment rule <paramref name="rule"/> places it,
    /// never back to the leaving owner: each customer by the rule, each open care task and active
    /// case to its customer's new owner when the customer moved too, otherwise by the rule. If the
    /// rule places any item in no team with a member left, nothing is moved. One transaction.
    /// </summary>
    /// <exception cref="CrmValidationException">No rule has the name, or the rule cannot place an item.</exception>
    public ReassignResult ReassignByRule(string from, string rule, string actor, string? note = null)
    {
        var found = _context.Options.Routing.Rule(rule) ?? throw new CrmValidationException("rule", $"'{rule}' is not an assignment rule of the routing.");
        return ReassignCore(from, found, null, actor, note);
    }

    private ReassignResult ReassignCore(string from, AssignmentRule? rule, string? to, string actor, string? note)
    {
        Require.Name(from, "from");
        Require.Name(actor, "actor");
        Require.OptionalText(note, "note");
        return _context.Write(async (s, ct) =>
        {
            var now = _context.Now;
            var why = note ?? $"'{from}' left";
            var router = rule is null ? null : new Router(_context.Options.Routing, s);
            var exclude = new HashSet<string>(StringComparer.Ordinal) { from };
            var moved = new List<Reassignment>();
            var customerOwner = new Dictionary<CustomerCode, string>();

            async ValueTask<string> OwnerFor(CustomerCode customer, string? tier, AssignmentScope scope, string what)
            {
                if (to is not null) return to;
                if (scope != AssignmentScope.Customers && customerOwner.TryGetValue(customer, out var follows)) return follows;
                var snapshot = await s.Customers.SnapshotAsync(customer, ct).ConfigureAwait(false);
                return (await router!.PickByAsync(rule!, snapshot, tier, exclude, ct, scope).ConfigureAwait(false))?.Owner
                    ?? throw new CrmValidationException("rule", $"'{rule!.Name}' places {what} in no team with a member other than '{from}'; nothing was moved.");
            }

            foreach (var code in await OwnedCustomersAsync(s, from, ct).ConfigureAwait(false))
            {
                var record = await s.Customers.FindAsync(code, ct).ConfigureAwait(false) ?? throw new CustomerNotFoundException(code);
                var owner = await OwnerFor(code, null, AssignmentScope.Customers, $"customer '{code}'").ConfigureAwait(false);
                var current = record.Customer;
                await s.Customers.UpdateAsync(current with { Owner = owner, UpdatedAt = now, Version = current.Version + 1 }, current.Version, ct).ConfigureAwait(false);
                await s.Operations.AppendOwnerChangeAsync(new OwnerChange(code, null, OwnerChangeKind.Reassigned, from, owner, now, actor, why), ct).ConfigureAwait(false);
                customerOwner[code] = owner;
                moved.Add(new Reassignment(code, null, null, owner));
            }
            foreach (var task in (await Router.OpenTasksAsync(s, ct).ConfigureAwait(false)).Where(t => t.Owner == from))
            {
                var owner = await OwnerFor(task.Customer, null, AssignmentScope.Tasks, $"task {task.Id}").ConfigureAwait(false);
                await MoveTaskAsync(s, task, owner, OwnerChangeKind.Reassigned, actor, why, now, ct).ConfigureAwait(false);
                moved.Add(new Reassignment(task.Customer, task.Id, null, owner));
            }
            foreach (var record in await s.Cases.ListAsync(new CaseQuery { Owner = from, ActiveOnly = true }, ct).ConfigureAwait(false))
            {
                var current = CaseDocument.FromRecord(record, _context.Store.Location);
                var owner = await OwnerFor(current.Customer, current.Tier, AssignmentScope.Cases, $"case {current.Id}").ConfigureAwait(false);
                var changed = current.Transfer(owner, actor, Max(now, current.History[^1].At), why);
                await s.Cases.UpdateAsync(CaseDocument.ToRecord(changed), record.Changes, ct).ConfigureAwait(false);
                moved.Add(new Reassignment(current.Customer, null, current.Id, owner));
            }
            return new ReassignResult(from, moved);
        }, default).Wait();
    }

    private static async ValueTask<List<CustomerCode>> OwnedCustomersAsync(IStoreSession s, string owner, CancellationToken ct)
    {
        var codes = new List<CustomerCode>();
        var page = new PageRequest(0, 10_000);
        while (true)
        {
            var found = await s.Customers.QueryAsync(CustomerQuery.OwnedBy(owner), page, ct).ConfigureAwait(false);
            codes.AddRange(found.Items.Select(c => c.Code));
            if (!found.HasMore) return codes;
            page = page.Next;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
