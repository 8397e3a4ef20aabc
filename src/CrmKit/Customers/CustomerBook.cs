using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// The customers of a database: create, read, update with optimistic concurrency, query and merge.
/// Every code given to it may be a merged-away code; it resolves to the surviving customer.
/// </summary>
public sealed partial class CustomerBook
{
    private readonly CrmContext _context;

    internal CustomerBook(CrmContext context) => _context = context;

    /// <summary>
    /// Creates a customer in <paramref name="initialStage"/> (the stage model's initial stage when
    /// null), records that first stage, and returns the stored customer (version 1).
    /// </summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    /// <exception cref="DuplicateCustomerException">The code is taken, or was merged away.</exception>
    public Customer Create(Customer customer, StageId? initialStage = null, string actor = "system") =>
        CreateCore(customer, initialStage, actor, default).Wait();

    /// <summary>The asynchronous form of <see cref="Create"/>; cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    /// <exception cref="DuplicateCustomerException">The code is taken, or was merged away.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<Customer> CreateAsync(Customer customer, StageId? initialStage = null, string actor = "system", CancellationToken cancellationToken = default) =>
        CreateCore(customer, initialStage, actor, cancellationToken).AsTask();

    internal ValueTask<Customer> CreateCore(Customer customer, StageId? initialStage, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var stage = CheckStage(initialStage);
        Require.Name(actor, "actor");
        var stored = Prepare(customer, stage, _context.Now);
        return _context.Write((s, c) => Insert(s, stored, actor, Router.For(_context.Options.Routing, AssignmentScope.Customers, s), c), ct);
    }

    /// <summary>
    /// Creates many customers in one transaction: every customer is checked first, then all are
    /// written, or none is. Each starts in <paramref name="initialStage"/> (the stage model's
    /// initial stage when null). Returns the stored customers in the order given.
    /// </summary>
    /// <exception cref="CrmValidationException">
    /// A customer is invalid, or two share a code; the field names its index, as in
    /// <c>customers[3].attributes.age</c>. Nothing was written.
    /// </exception>
    /// <exception cref="DuplicateCustomerException">A code is taken, or was merged away; nothing was written.</exception>
    public IReadOnlyList<Customer> CreateMany(IEnumerable<Customer> customers, StageId? initialStage = null, string actor = "system") =>
        Tracing.Import("customers", () => CreateManyCore(customers, initialStage, actor, default)).Wait();

    /// <summary>The asynchronous form of <see cref="CreateMany"/> (the bulk path of imports); cancelling writes nothing.</summary>
    /// <exception cref="CrmValidationException">A customer is invalid, or two share a code; nothing was written.</exception>
    /// <exception cref="DuplicateCustomerException">A code is taken, or was merged away; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public Task<IReadOnlyList<Customer>> CreateManyAsync(IEnumerable<Customer> customers, StageId? initialStage = null, string actor = "system", CancellationToken cancellationToken = default) =>
        Tracing.Import("customers", () => CreateManyCore(customers, initialStage, actor, cancellationToken)).AsTask();

    internal ValueTask<IReadOnlyList<Customer>> CreateManyCore(IEnumerable<Customer> customers, StageId? initialStage, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var stage = CheckStage(initialStage);
        Require.Name(actor, "actor");
        var now = _context.Now;
        var given = customers.ToArray();
        var stored = new Customer[given.Length];
        var seen = new Dictionary<CustomerCode, int>();
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] is null) throw new CrmValidationException($"customers[{i}]", "is null.");
            try
            {
                stored[i] = Prepare(given[i], stage, now);
            }
            catch (CrmValidationException e)
            {
                throw e.Under($"customers[{i}]");
            }
            if (!seen.TryAdd(stored[i].Code, i))
                throw new CrmValidationException($"customers[{i}].code", $"'{stored[i].Code}' is also the code of customers[{seen[stored[i].Code]}].");
        }
        if (stored.Length == 0) return ValueTask.FromResult<IReadOnlyList<Customer>>([]);
        // The customers, then their first stage changes, then the grades set with their profiles:
        // three bulk writes, which a server store makes a few statements each.
        var stages = Array.ConvertAll(stored, x => Created(x, actor));
        var grades = stored.Where(x => x.Grade is not null).Select(x => GradeBook.ProfileGrade(x.Code, null, x.Grade!, x.CreatedAt)).ToArray();
        return _context.Write<IReadOnlyList<Customer>>(async (s, c) =>
        {
            // A write may be run again (a server store retries a deadlock), so it routes a copy.
            var batch = (Customer[])stored.Clone();
            var router = Router.For(_context.Options.Routing, AssignmentScope.Customers, s);
            var routed = new List<OwnerChange>();
            for (var i = 0; router is not null && i < batch.Length; i++)
            {
                c.ThrowIfCancellationRequested();
                if (await Route(router, batch[i], c).ConfigureAwait(false) is not { } change) continue;
                batch[i] = batch[i] with { Owner = change.To };
                routed.Add(change);
            }
            await s.Customers.InsertManyAsync(batch, c).ConfigureAwait(false);
            await s.Stages.AppendManyAsync(stages, c).ConfigureAwait(false);
            if (grades.Length > 0) await s.Grades.AppendManyAsync(grades, c).ConfigureAwait(false);
            foreach (var change in routed) await s.Operations.AppendOwnerChangeAsync(change, c).ConfigureAwait(false);
            return batch;
        }, ct);
    }

    /// <summary>
    /// Checks a customer as <see cref="Create"/> would (fields, limits, attribute schema) without
    /// writing anything or looking at stored customers. Lets an importer report every bad record
    /// before it writes any.
    /// </summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    public void Validate(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        customer.Normalize(_context.Options.Attributes);
    }

    /// <summary>The customer with <paramref name="code"/> (or its survivor after a merge).</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Customer Get(CustomerCode code) => GetCore(code, default).Wait();

    /// <summary>The asynchronous form of <see cref="Get"/>.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<Customer> GetAsync(CustomerCode code, CancellationToken cancellationToken = default) => GetCore(code, cancellationToken).AsTask();

    internal ValueTask<Customer> GetCore(CustomerCode code, CancellationToken ct) =>
        _context.Read(async (s, c) => (await CrmContext.LoadAsync(s, code, c).ConfigureAwait(false)).Record.Customer, ct);

    /// <summary>The customer with <paramref name="code"/> (or its survivor after a merge), or null.</summary>
    public Customer? Find(CustomerCode code) => FindCore(code, default).Wait();

    /// <summary>The asynchronous form of <see cref="Find"/>.</summary>
    public Task<Customer?> FindAsync(CustomerCode code, CancellationToken cancellationToken = default) => FindCore(code, cancellationToken).AsTask();

    internal ValueTask<Customer?> FindCore(CustomerCode code, CancellationToken ct) => _context.Read(async (s, c) =>
    {
        var resolved = await CrmContext.ResolveAsync(s, code, c).ConfigureAwait(false);
        return (await s.Customers.FindAsync(resolved, c).ConfigureAwait(false))?.Customer;
    }, ct);

    /// <summary>
    /// Stores a changed copy of a customer. The copy's <see cref="Customer.Version"/> must be the
    /// stored one; the stored version then goes up by one. Stage and bookkeeping fields are kept
    /// from the stored customer (stages change through <see cref="LifecycleBook"/>).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The copy is stale; nothing was written.</exception>
    /// <exception cref="CrmValidationException">A field is invalid; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Customer Update(Customer customer) => UpdateCore(customer, default).Wait();

    /// <summary>The asynchronous form of <see cref="Update"/>; cancelling writes nothing.</summary>
    /// <exception cref="ConcurrencyConflictException">The copy is stale; nothing was written.</exception>
    /// <exception cref="CrmValidationException">A field is invalid; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Task<Customer> UpdateAsync(Customer customer, CancellationToken cancellationToken = default) => UpdateCore(customer, cancellationToken).AsTask();

    internal ValueTask<Customer> UpdateCore(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var changed = customer.Normalize(_context.Options.Attributes);
        if (changed.Grade is not null) GradeBook.Check(_context.Options, changed.Grade);
        return _context.Write(async (s, c) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, changed.Code, c).ConfigureAwait(false);
            var current = record.Customer;
            if (current.Version != changed.Version)
                throw new ConcurrencyConflictException(code, changed.Version, current.Version);
            return await StoreUpdateAsync(s, code, current, changed, _context.Now, GradeBook.ProfileReason, "system", "profile-update", c).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>
    /// Stores a checked profile change of <paramref name="current"/> inside the caller's write, keeping
    /// the stage and bookkeeping fields, and records a grade change with <paramref name="gradeReason"/>
    /// by <paramref name="actor"/> and a change of owner by <paramref name="ownerActor"/>: the one path every
    /// profile change (by hand or by an import) takes.
    /// </summary>
    internal static async ValueTask<Customer> StoreUpdateAsync(IStoreSession s, CustomerCode code, Customer current, Customer changed, DateTimeOffset now,
        string gradeReason, string actor, string ownerActor, CancellationToken c)
    {
        var regraded = changed.Grade is not null && changed.Grade != current.Grade;
        var stored = changed with
        {
            Code = code,
            GradeReviewedAt = regraded ? now : changed.Grade is null ? null : current.GradeReviewedAt,
            Stage = current.Stage,
            StageSince = current.StageSince,
            CreatedAt = current.CreatedAt,
            UpdatedAt = now,
            Version = current.Version + 1,
            ErasedAt = current.ErasedAt,
        };
        await s.Customers.UpdateAsync(stored, current.Version, c).ConfigureAwait(false);
        if (regraded) await GradeBook.RecordProfileGrade(s, code, current.Grade, changed.Grade!, now, c, gradeReason, actor).ConfigureAwait(false);
        if (stored.Owner != current.Owner)
            await s.Operations.AppendOwnerChangeAsync(new OwnerChange(code, null, OwnerChangeKind.Updated, current.Owner, stored.Owner, now, ownerActor, null), c).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Every customer, in code order.</summary>
    public Page<Customer> All(PageRequest page) => QueryCore(CustomerQuery.All, page, default).Wait();

    /// <summary>Customers carrying <paramref name="tag"/>, in code order.</summary>
    public Page<Customer> WithTag(string tag, PageRequest page) =>
        QueryCore(CustomerQuery.WithTag(Require.Name(tag, "tag")), page, default).Wait();

    /// <summary>Customers in <paramref name="stage"/>, in code order.</summary>
    public Page<Customer> InStage(StageId stage, PageRequest page) => QueryCore(CustomerQuery.InStage(stage), page, default).Wait();

    /// <summary>Customers whose owner is <paramref name="owner"/>, in code order.</summary>
    public Page<Customer> OwnedBy(string owner, PageRequest page) =>
        QueryCore(CustomerQuery.OwnedBy(Require.Name(owner, "owner")), page, default).Wait();

    /// <summary>
    /// Customers whose attribute <paramref name="name"/> equals <paramref name="value"/> (for a
    /// list attribute: contains it, given as text), in code order.
    /// </summary>
    /// <exception cref="CrmValidationException">The attribute is undeclared or the value's type differs from its declared type.</exception>
    public Page<Customer> WithAttribute(string name, AttributeValue value, PageRequest page) =>
        QueryCore(AttributeQuery(name, value), page, default).Wait();

    /// <summary>
    /// One page of the customers <paramref name="query"/> selects (every customer, or by tag, stage,
    /// owner, attribute or grade), in code order: the asynchronous form of <see cref="All"/>,
    /// <see cref="WithTag"/>, <see cref="InStage"/>, <see cref="OwnedBy"/> and <see cref="WithAttribute"/>.
    /// </summary>
    public Task<Page<Customer>> QueryAsync(CustomerQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryCore(query, page, cancellationToken).AsTask();
    }

    internal CustomerQuery AttributeQuery(string name, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var schema = _context.Options.Attributes.Attributes;
        if (!schema.TryGetValue(name, out var declared))
            throw new CrmValidationException($"attributes.{name}", "is not declared in the attribute schema.");
        var compatible = declared == value.Type || (declared == AttributeType.TextList && value.Type == AttributeType.Text);
        if (!compatible) throw new CrmValidationException($"attributes.{name}", $"expects {declared} but got {value.Type} \"{value}\".");
        return CustomerQuery.WithAttributeKey(AttributeIndex.Keys(name, value).Single());
    }

    internal ValueTask<Page<Customer>> QueryCore(CustomerQuery query, PageRequest page, CancellationToken ct)
    {
        page.Check();
        return _context.Read((s, c) => s.Customers.QueryAsync(query, page, c), ct);
    }

    /// <summary>
    /// Merges <paramref name="merged"/> into <paramref name="survivor"/>: see <see cref="MergeRecord"/>
    /// for what moves. Afterwards the merged code resolves to the survivor.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">Either customer does not exist.</exception>
    /// <exception cref="CrmValidationException">Both codes name the same customer.</exception>
    public MergeRecord Merge(CustomerCode survivor, CustomerCode merged, string actor, string reason) =>
        MergeCore(survivor, merged, actor, reason, default).Wait();

    /// <summary>The asynchronous form of <see cref="Merge"/>; cancelling writes nothing.</summary>
    /// <exception cref="CustomerNotFoundException">Either customer does not exist.</exception>
    /// <exception cref="CrmValidationException">Both codes name the same customer.</exception>
    public Task<MergeRecord> MergeAsync(CustomerCode survivor, CustomerCode merged, string actor, string reason, CancellationToken cancellationToken = default) =>
        MergeCore(survivor, merged, actor, reason, cancellationToken).AsTask();

    internal ValueTask<MergeRecord> MergeCore(CustomerCode survivor, CustomerCode merged, string actor, string reason, CancellationToken ct) =>
        new CustomerMerger(_context).MergeAsync(survivor, merged, Require.Name(actor, "actor"),
            Require.OptionalText(Require.Name(reason, "reason", Require.MaxTextLength), "reason")!, ct);

    /// <summary>
    /// Pairs of customers that are probably the same person: same phone number, same email, same
    /// value of one of <paramref name="identityAttributes"/> (an ID number, say), or the same name
    /// and birthday; a near-identical name strengthens a match. Strongest first. Writes nothing.
    /// </summary>
    public IReadOnlyList<DuplicateCandidate> FindDuplicates(params string[] identityAttributes)
    {
        ArgumentNullException.ThrowIfNull(identityAttributes);
        return new DuplicateFinder(_context).FindAsync(identityAttributes, default).Wait();
    }

    /// <summary>How many customers the database holds (merged-away codes not counted).</summary>
    public int Count() => _context.Read((s, c) => s.Customers.CountAsync(CustomerQuery.All, c), default).Wait();

    /// <summary>How many customers are in each stage of the stage model, in the model's stage order; stages without customers count 0.</summary>
    public IReadOnlyList<KeyValuePair<StageId, int>> CountByStage() => _context.Read<IReadOnlyList<KeyValuePair<StageId, int>>>(async (s, c) =>
    {
        var counts = new List<KeyValuePair<StageId, int>>();
        foreach (var stage in _context.Options.Stages.Stages)
            counts.Add(KeyValuePair.Create(stage, await s.Customers.CountAsync(CustomerQuery.InStage(stage), c).ConfigureAwait(false)));
        return counts;
    }, default).Wait();

    private StageId CheckStage(StageId? initialStage)
    {
        var stage = initialStage ?? _context.Options.Stages.Initial;
        if (!_context.Options.Stages.Contains(stage))
            throw new CrmValidationException("stage", $"'{stage}' is not a stage of the model ({string.Join(", ", _context.Options.Stages.Stages)}).");
        return stage;
    }

    internal Customer Prepare(Customer customer, StageId stage, DateTimeOffset now)
    {
        if (customer.Grade is not null) GradeBook.Check(_context.Options, customer.Grade);
        return customer.Normalize(_context.Options.Attributes) with
        {
            GradeReviewedAt = customer.Grade is null ? null : now,
            Stage = stage,
            StageSince = now,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            ErasedAt = null,
        };
    }

    /// <summary>The stage change that records a new customer's first stage.</summary>
    private static StageChange Created(Customer stored, string actor, string reason = "created") => new(stored.Code, null, stored.Stage, stored.CreatedAt, reason, actor);

    /// <summary>
    /// The owner change that places a new customer without an owner, when an assignment rule
    /// covering customers places it, or null (<paramref name="router"/> is the write's, so a bulk
    /// create keeps the loads it counted).
    /// </summary>
    private static async ValueTask<OwnerChange?> Route(Router router, Customer stored, CancellationToken ct)
    {
        if (stored.Owner is not null) return null;
        var routed = await router.PickAsync(AssignmentScope.Customers, new CustomerSnapshot(stored, CustomerStats.Empty), null, null, ct).ConfigureAwait(false);
        return routed is null ? null : new OwnerChange(stored.Code, null, OwnerChangeKind.Routed, null, routed.Owner, stored.CreatedAt, Router.Actor, routed.Note);
    }

    /// <summary>
    /// Stores a new customer, routed to an owner when it has none and a rule places it, with its first
    /// stage change (and grade) recorded with <paramref name="reason"/>; runs inside a write.
    /// </summary>
    internal static async ValueTask<Customer> Insert(IStoreSession s, Customer stored, string actor, Router? router, CancellationToken ct, string reason = "created")
    {
        var routed = router is null ? null : await Route(router, stored, ct).ConfigureAwait(false);
        if (routed is not null) stored = stored with { Owner = routed.To };
        await s.Customers.InsertAsync(stored, ct).ConfigureAwait(false);
        if (routed is not null) await s.Operations.AppendOwnerChangeAsync(routed, ct).ConfigureAwait(false);
        await s.Stages.AppendAsync(Created(stored, actor, reason), ct).ConfigureAwait(false);
        if (stored.Grade is not null)
        {
            await GradeBook.RecordProfileGrade(s, stored.Code, null, stored.Grade, stored.CreatedAt, ct,
                reason == "created" ? GradeBook.ProfileReason : reason, reason == "created" ? "system" : actor).ConfigureAwait(false);
        }
        return stored;
    }
}
