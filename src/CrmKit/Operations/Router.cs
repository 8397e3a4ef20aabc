using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Applies the assignment rules of a <see cref="RoutingPolicy"/> inside one write: finds the team
/// an item's key maps to and picks a member, in turn (the turn kept per team in the store, so
/// every process continues it) or by the lightest load (open care tasks and active cases, counted
/// once per unit of work and kept up to date as this router assigns).
/// </summary>
internal sealed class Router(RoutingPolicy policy, IStoreSession store)
{
    /// <summary>The actor owner changes made by assignment rules are recorded with.</summary>
    internal const string Actor = "routing";

    private Dictionary<string, int>? _load;
    private Dictionary<string, int>? _customers;

    /// <summary>A router for <paramref name="scope"/> when some rule of <paramref name="policy"/> covers it; null otherwise.</summary>
    internal static Router? For(RoutingPolicy policy, AssignmentScope scope, IStoreSession store) =>
        policy.Rules.Any(r => r.Covers(scope)) ? new Router(policy, store) : null;

    /// <summary>The owner the first rule covering <paramref name="scope"/> picks, with a note naming the rule and team; null when no rule places the item.</summary>
    /// <param name="scope">What is assigned (one flag).</param>
    /// <param name="customer">The customer (or the task's or case's customer), for the tier, grade and attributes; null when unknown.</param>
    /// <param name="caseTier">A case's tier, which a tier key prefers to the customer's value tier.</param>
    /// <param name="exclude">Owners never picked (a leaving owner).</param>
    /// <param name="ct">Cancels the work.</param>
    internal async ValueTask<RoutedOwner?> PickAsync(AssignmentScope scope, CustomerSnapshot? customer, string? caseTier, IReadOnlySet<string>? exclude, CancellationToken ct)
    {
        foreach (var rule in policy.Rules)
        {
            if (!rule.Covers(scope)) continue;
            if (await PickByAsync(rule, customer, caseTier, exclude, ct, scope).ConfigureAwait(false) is { } picked) return picked;
        }
        return null;
    }

    /// <summary>
    /// The owner <paramref name="rule"/> picks, whatever its scope; null when it places the item in no
    /// team with a member left. Least-loaded counts customers owned for <paramref name="scope"/>
    /// customers, and open care tasks and active cases otherwise.
    /// </summary>
    internal async ValueTask<RoutedOwner?> PickByAsync(AssignmentRule rule, CustomerSnapshot? customer, string? caseTier, IReadOnlySet<string>? exclude, CancellationToken ct,
        AssignmentScope scope = AssignmentScope.Tasks)
    {
        var value = rule.Key switch
        {
            AssignmentKey.Tier => caseTier ?? customer?.Value?.Tier.Name,
            AssignmentKey.Grade => customer?.Customer.Grade,
            AssignmentKey.Attribute => customer is not null && customer.Customer.Attributes.TryGetValue(rule.Attribute!, out var v) ? v.ToString() : null,
            _ => null,
        };
        if (rule.TeamFor(value) is not { } name || policy.Team(name) is not { } team) return null;
        var members = team.Members.Where(m => exclude is null || !exclude.Contains(m)).ToArray();
        if (members.Length == 0) return null;
        string owner;
        if (rule.Pick == AssignmentPick.RoundRobin)
        {
            var key = "routing-turn:" + team.Name;
            var turn = await store.Changes.CursorAsync(key, ct).ConfigureAwait(false) ?? 0;
            owner = members[(int)(turn % members.Length)];
            await store.Changes.SetCursorAsync(key, turn + 1, ct).ConfigureAwait(false);
        }
        else
        {
            var load = scope == AssignmentScope.Customers ? await CustomersOwnedAsync(members, ct).ConfigureAwait(false) : await LoadAsync(ct).ConfigureAwait(false);
            owner = members.OrderBy(m => load.GetValueOrDefault(m)).First();
            load[owner] = load.GetValueOrDefault(owner) + 1;
        }
        var keyText = value is null ? "" : $" for {rule.Key.ToString().ToLowerInvariant()} '{value}'";
        return new RoutedOwner(owner, $"rule '{rule.Name}': team '{team.Name}'{keyText}, {(rule.Pick == AssignmentPick.RoundRobin ? "in turn" : "least loaded")}");
    }

    /// <summary>Customers owned per member, counted once per member and kept up to date as this router assigns.</summary>
    private async ValueTask<Dictionary<string, int>> CustomersOwnedAsync(IEnumerable<string> members, CancellationToken ct)
    {
        _customers ??= new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in members)
            if (!_customers.ContainsKey(m)) _customers[m] = await store.Customers.CountAsync(CustomerQuery.OwnedBy(m), ct).ConfigureAwait(false);
        return _customers;
    }

    /// <summary>Open care tasks and active cases per owner.</summary>
    private async ValueTask<Dictionary<string, int>> LoadAsync(CancellationToken ct)
    {
        if (_load is not null) return _load;
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in await OpenTasksAsync(store, ct).ConfigureAwait(false))
            if (task.Owner is { } owner) load[owner] = load.GetValueOrDefault(owner) + 1;
        foreach (var c in await store.Cases.ListAsync(new CaseQuery { ActiveOnly = true }, ct).ConfigureAwait(false))
            if (c.Owner is { } owner) load[owner] = load.GetValueOrDefault(owner) + 1;
        return _load = load;
    }

    /// <summary>Every open care task, by id, read a page at a time.</summary>
    internal static async ValueTask<List<CareTask>> OpenTasksAsync(IStoreSession store, CancellationToken ct)
    {
        var open = new List<CareTask>();
        var page = new PageRequest(0, 10_000);
        while (true)
        {
            var found = await store.Care.PageAsync(CareTaskStatus.Open, page, ct).ConfigureAwait(false);
            open.AddRange(found.Items);
            if (!found.HasMore) return open;
            page = page.Next;
        }
    }
}

/// <summary>The owner an assignment rule picked, and a note naming the rule and team.</summary>
internal sealed record RoutedOwner(string Owner, string Note);
