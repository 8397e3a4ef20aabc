using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Who a customer is across systems: the identity map (each source system's identifier → one
/// customer code), the values kept aside by merges and disagreeing feeds, the names a customer
/// was also known by, the merge history, and the duplicate review list. Thread-safe; every
/// operation is one unit of work.
/// </summary>
public sealed class IdentityBook
{
    private readonly CrmContext _context;

    internal IdentityBook(CrmContext context) => _context = context;

    /// <summary>
    /// Links <paramref name="system"/>'s identifier <paramref name="id"/> to a customer (or its
    /// survivor after a merge), replacing any earlier link of that identifier.
    /// </summary>
    /// <exception cref="CrmValidationException">The system or identifier is invalid.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer; nothing was written.</exception>
    public SourceIdentity Link(string system, string id, CustomerCode customer) => LinkAsync(system, id, customer).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Link"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">The system or identifier is invalid.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer; nothing was written.</exception>
    public Task<SourceIdentity> LinkAsync(string system, string id, CustomerCode customer, CancellationToken cancellationToken = default)
    {
        SourceIdentity.Check(system, id);
        return _context.Write(async (s, c) =>
        {
            var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            var earlier = await s.Identities.FindSourceAsync(system, id, c).ConfigureAwait(false);
            var link = new SourceIdentity(system, id, code, earlier?.LinkedAt ?? _context.Now);
            await s.Identities.PutSourceAsync(link, c).ConfigureAwait(false);
            return link;
        }, cancellationToken).AsTask();
    }

    /// <summary>The customer <paramref name="system"/>'s identifier <paramref name="id"/> stands for (its survivor after a merge), or null when it is not in the map.</summary>
    /// <exception cref="CrmValidationException">The system or identifier is invalid.</exception>
    public CustomerCode? Find(string system, string id) => FindAsync(system, id).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Find"/>.</summary>
    /// <exception cref="CrmValidationException">The system or identifier is invalid.</exception>
    public Task<CustomerCode?> FindAsync(string system, string id, CancellationToken cancellationToken = default)
    {
        SourceIdentity.Check(system, id);
        return _context.Read<CustomerCode?>(async (s, c) =>
            await s.Identities.FindSourceAsync(system, id, c).ConfigureAwait(false) is { } link
                ? await s.Customers.ResolveAsync(link.Customer, c).ConfigureAwait(false)
                : (CustomerCode?)null, cancellationToken).AsTask();
    }

    /// <summary>A customer's identifiers in every source system, ordered by system, then identifier.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<SourceIdentity> Of(CustomerCode customer) => OfCustomer(customer, (s, code, c) => s.Identities.SourcesOfAsync(code, c));

    /// <summary>One page of the identity map (only <paramref name="system"/>'s identifiers when given), ordered by system, then identifier (ordinal).</summary>
    public Page<SourceIdentity> Sources(string? system, PageRequest page)
    {
        if (system is not null) Require.Identifier(system, "system");
        page.Check();
        return _context.Read((s, c) => s.Identities.SourcesAsync(system, page, c), default).Wait();
    }

    /// <summary>
    /// The values a customer's records were given but it does not hold now, in the order they were
    /// set aside: the merged records' conflicting values and names, with the system and time each
    /// came from, and feed values that disagreed with another system's.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<KeptValue> Kept(CustomerCode customer) => OfCustomer(customer, (s, code, c) => s.Identities.KeptOfAsync(code, c));

    /// <summary>The other names a customer was known by (the names of records merged into it, and names feeds gave), each once, in the order kept.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<string> Names(CustomerCode customer) =>
        Kept(customer).Where(k => k.Field == "name").Select(k => k.Value.AsText()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Which source system gave each of a customer's current values, and when; fields entered through CrmKit have none.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<ValueSource> ValueSources(CustomerCode customer) => OfCustomer(customer, (s, code, c) => s.Identities.ValueSourcesOfAsync(code, c));

    /// <summary>The merges into a customer and into the customers merged into it, oldest first.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<MergeRecord> Merges(CustomerCode customer) => OfCustomer(customer, async (s, code, c) =>
        await s.Identities.MergesIntoAsync([code, .. await s.Customers.AliasesOfAsync(code, c).ConfigureAwait(false)], c).ConfigureAwait(false));

    /// <summary>The duplicate review list, strongest match first; dismissed matches too when <paramref name="includeDismissed"/>.</summary>
    public IReadOnlyList<DuplicateMatch> Matches(bool includeDismissed = false) => MatchesAsync(includeDismissed).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Matches"/>.</summary>
    public Task<IReadOnlyList<DuplicateMatch>> MatchesAsync(bool includeDismissed = false, CancellationToken cancellationToken = default) =>
        _context.Read<IReadOnlyList<DuplicateMatch>>(async (s, c) => Strongest((await s.Identities.MatchesAsync(null, c).ConfigureAwait(false))
            .Where(m => includeDismissed || m.IsOpen)), cancellationToken).AsTask();

    /// <summary>
    /// Looks for duplicates across the whole base, as <see cref="CustomerBook.FindDuplicates"/> does, and
    /// adds the pairs not on the review list yet (a dismissed pair stays dismissed). Returns the
    /// open review list, strongest first.
    /// </summary>
    /// <exception cref="CrmValidationException">An identity attribute is not declared.</exception>
    public IReadOnlyList<DuplicateMatch> FindMatches(params string[] identityAttributes) => FindMatchesAsync(identityAttributes).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="FindMatches"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">An identity attribute is not declared.</exception>
    public Task<IReadOnlyList<DuplicateMatch>> FindMatchesAsync(IReadOnlyList<string> identityAttributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identityAttributes);
        foreach (var name in identityAttributes)
        {
            if (!_context.Options.Attributes.Attributes.ContainsKey(name))
                throw new CrmValidationException("identityAttributes", $"'{name}' is not declared in the attribute schema.");
        }
        return _context.Write<IReadOnlyList<DuplicateMatch>>(async (s, c) =>
        {
            var now = _context.Now;
            foreach (var found in await DuplicateFinder.FindAsync(s, identityAttributes, c).ConfigureAwait(false))
            {
                if (await s.Identities.FindMatchAsync(found.First, found.Second, c).ConfigureAwait(false) is not null) continue;
                await s.Identities.PutMatchAsync(new DuplicateMatch(found.First, found.Second, found.Reasons, found.Score, now, "scan"), c).ConfigureAwait(false);
            }
            return Strongest((await s.Identities.MatchesAsync(null, c).ConfigureAwait(false)).Where(m => m.IsOpen));
        }, cancellationToken).AsTask();
    }

    /// <summary>Records that two customers on the review list are different people, so the pair is not suggested again.</summary>
    /// <exception cref="CrmNotFoundException">The pair is not on the review list.</exception>
    /// <exception cref="CrmValidationException">The actor or reason is empty or too long.</exception>
    public DuplicateMatch Dismiss(CustomerCode first, CustomerCode second, string actor, string reason) =>
        DismissAsync(first, second, actor, reason).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Dismiss"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmNotFoundException">The pair is not on the review list.</exception>
    /// <exception cref="CrmValidationException">The actor or reason is empty or too long.</exception>
    public Task<DuplicateMatch> DismissAsync(CustomerCode first, CustomerCode second, string actor, string reason, CancellationToken cancellationToken = default)
    {
        Require.Name(actor, "actor");
        Require.Name(reason, "reason", Require.MaxTextLength);
        return _context.Write(async (s, c) =>
        {
            var match = await s.Identities.FindMatchAsync(first, second, c).ConfigureAwait(false)
                ?? throw new DuplicateMatchNotFoundException(first, second);
            var dismissed = match with { DismissedAt = _context.Now, DismissedBy = actor, DismissReason = reason };
            await s.Identities.PutMatchAsync(dismissed, c).ConfigureAwait(false);
            return dismissed;
        }, cancellationToken).AsTask();
    }

    private static IReadOnlyList<DuplicateMatch> Strongest(IEnumerable<DuplicateMatch> matches) =>
        matches.OrderByDescending(m => m.Score).ThenBy(m => m.First.Value, StringComparer.Ordinal).ThenBy(m => m.Second.Value, StringComparer.Ordinal).ToArray();

    private IReadOnlyList<T> OfCustomer<T>(CustomerCode customer, Func<IStoreSession, CustomerCode, CancellationToken, ValueTask<IReadOnlyList<T>>> read) =>
        _context.Read(async (s, c) =>
        {
            var (code, _) = await CrmContext.LoadAsync(s, customer, c).ConfigureAwait(false);
            return await read(s, code, c).ConfigureAwait(false);
        }, default).Wait();
}
