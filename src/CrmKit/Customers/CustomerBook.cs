using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// The customers of a database: create, read, update with optimistic concurrency, query and merge.
/// Every code given to it may be a merged-away code; it resolves to the surviving customer.
/// </summary>
public sealed class CustomerBook
{
    private readonly CrmContext _context;

    internal CustomerBook(CrmContext context) => _context = context;

    /// <summary>
    /// Creates a customer in <paramref name="initialStage"/> (the stage model's initial stage when
    /// null), records that first stage, and returns the stored customer (version 1).
    /// </summary>
    /// <exception cref="CrmValidationException">A field is invalid; the message names it.</exception>
    /// <exception cref="DuplicateCustomerException">The code is taken, or was merged away.</exception>
    public Customer Create(Customer customer, StageId? initialStage = null, string actor = "system")
    {
        ArgumentNullException.ThrowIfNull(customer);
        var stage = CheckStage(initialStage);
        Require.Name(actor, "actor");
        var now = _context.Now;
        var stored = Prepare(customer, stage, now);
        return _context.Store.Write(() => Insert(stored, actor));
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
    public IReadOnlyList<Customer> CreateMany(IEnumerable<Customer> customers, StageId? initialStage = null, string actor = "system")
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
                throw new CrmValidationException($"customers[{i}].{e.Field}", e.Message[(e.Field.Length + 2)..]);
            }
            if (!seen.TryAdd(stored[i].Code, i))
                throw new CrmValidationException($"customers[{i}].code", $"'{stored[i].Code}' is also the code of customers[{seen[stored[i].Code]}].");
        }
        if (stored.Length == 0) return [];
        return _context.Store.Write(() =>
        {
            foreach (var customer in stored) Insert(customer, actor);
            return stored;
        });
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
    public Customer Get(CustomerCode code) => CustomerDocument.FromBson(_context.Load(code, out _));

    /// <summary>The customer with <paramref name="code"/> (or its survivor after a merge), or null.</summary>
    public Customer? Find(CustomerCode code)
    {
        var doc = _context.Store.Customers.FindById(_context.Resolve(code).Value);
        return doc is null ? null : CustomerDocument.FromBson(doc);
    }

    /// <summary>
    /// Stores a changed copy of a customer. The copy's <see cref="Customer.Version"/> must be the
    /// stored one; the stored version then goes up by one. Stage and bookkeeping fields are kept
    /// from the stored customer (stages change through <see cref="LifecycleBook"/>).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The copy is stale; nothing was written.</exception>
    /// <exception cref="CrmValidationException">A field is invalid; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Customer Update(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var changed = customer.Normalize(_context.Options.Attributes);
        if (changed.Grade is not null) GradeBook.Check(_context.Options, changed.Grade);
        return _context.Store.Write(() =>
        {
            var current = CustomerDocument.FromBson(_context.Load(changed.Code, out var code));
            if (current.Version != changed.Version)
                throw new ConcurrencyConflictException(code, changed.Version, current.Version);
            var now = _context.Now;
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
            _context.Store.UpdateProfile(stored);
            _context.Store.Touch(code);
            if (regraded) GradeBook.RecordProfileGrade(_context, code, current.Grade, changed.Grade!, now);
            return stored;
        });
    }

    /// <summary>Every customer, in code order.</summary>
    public Page<Customer> All(PageRequest page) => Query(null, page);

    /// <summary>Customers carrying <paramref name="tag"/>, in code order.</summary>
    public Page<Customer> WithTag(string tag, PageRequest page) =>
        Query(BsonExpression.Create("$.tags[*] ANY = @0", new BsonValue(Require.Name(tag, "tag"))), page);

    /// <summary>Customers in <paramref name="stage"/>, in code order.</summary>
    public Page<Customer> InStage(StageId stage, PageRequest page) =>
        Query(LiteDB.Query.EQ("$.stg", stage.Name), page);

    /// <summary>Customers whose owner is <paramref name="owner"/>, in code order.</summary>
    public Page<Customer> OwnedBy(string owner, PageRequest page) =>
        Query(LiteDB.Query.EQ("$.own", Require.Name(owner, "owner")), page);

    /// <summary>
    /// Customers whose attribute <paramref name="name"/> equals <paramref name="value"/> (for a
    /// list attribute: contains it, given as text), in code order.
    /// </summary>
    /// <exception cref="CrmValidationException">The attribute is undeclared or the value's type differs from its declared type.</exception>
    public Page<Customer> WithAttribute(string name, AttributeValue value, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(value);
        var schema = _context.Options.Attributes.Attributes;
        if (!schema.TryGetValue(name, out var declared))
            throw new CrmValidationException($"attributes.{name}", "is not declared in the attribute schema.");
        var compatible = declared == value.Type || (declared == AttributeType.TextList && value.Type == AttributeType.Text);
        if (!compatible) throw new CrmValidationException($"attributes.{name}", $"expects {declared} but got {value.Type} \"{value}\".");
        var key = CustomerDocument.AttributeKeys(name, value).Single();
        return Query(BsonExpression.Create("$.ak[*] ANY = @0", new BsonValue(key)), page);
    }

    /// <summary>
    /// Merges <paramref name="merged"/> into <paramref name="survivor"/>: see <see cref="MergeRecord"/>
    /// for what moves. Afterwards the merged code resolves to the survivor.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">Either customer does not exist.</exception>
    /// <exception cref="CrmValidationException">Both codes name the same customer.</exception>
    public MergeRecord Merge(CustomerCode survivor, CustomerCode merged, string actor, string reason) =>
        new CustomerMerger(_context).Merge(survivor, merged, Require.Name(actor, "actor"), Require.OptionalText(Require.Name(reason, "reason", Require.MaxTextLength), "reason")!);

    /// <summary>
    /// Pairs of customers that are probably the same person: same phone number, same email, same
    /// value of one of <paramref name="identityAttributes"/> (an ID number, say), or the same name
    /// and birthday; a near-identical name strengthens a match. Strongest first. Writes nothing.
    /// </summary>
    public IReadOnlyList<DuplicateCandidate> FindDuplicates(params string[] identityAttributes)
    {
        ArgumentNullException.ThrowIfNull(identityAttributes);
        return new DuplicateFinder(_context).Find(identityAttributes);
    }

    /// <summary>How many customers the database holds (merged-away codes not counted).</summary>
    public int Count() => _context.Store.Customers.Count();

    /// <summary>How many customers are in each stage of the stage model, in the model's stage order; stages without customers count 0.</summary>
    public IReadOnlyList<KeyValuePair<StageId, int>> CountByStage() =>
        _context.Options.Stages.Stages
            .Select(stage => KeyValuePair.Create(stage, _context.Store.Customers.Count(LiteDB.Query.EQ("$.stg", stage.Name))))
            .ToArray();

    private StageId CheckStage(StageId? initialStage)
    {
        var stage = initialStage ?? _context.Options.Stages.Initial;
        if (!_context.Options.Stages.Contains(stage))
            throw new CrmValidationException("stage", $"'{stage}' is not a stage of the model ({string.Join(", ", _context.Options.Stages.Stages)}).");
        return stage;
    }

    private Customer Prepare(Customer customer, StageId stage, DateTimeOffset now)
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

    /// <summary>Inserts a prepared customer and its first stage change; runs inside a write.</summary>
    private Customer Insert(Customer stored, string actor)
    {
        var store = _context.Store;
        if (store.Customers.FindById(stored.Code.Value) is not null || store.Aliases.FindById(stored.Code.Value) is not null)
            throw new DuplicateCustomerException(stored.Code);
        store.InsertCustomer(stored);
        store.StageChanges.Insert(StageChangeDocument.ToBson(new StageChange(stored.Code, null, stored.Stage, stored.CreatedAt, "created", actor)));
        if (stored.Grade is not null) GradeBook.RecordProfileGrade(_context, stored.Code, null, stored.Grade, stored.CreatedAt);
        return stored;
    }

    private Page<Customer> Query(BsonExpression? predicate, PageRequest page)
    {
        page.Check();
        var query = _context.Store.Customers.Query();
        if (predicate is not null) query = query.Where(predicate);
        var docs = query.OrderBy("_id")
            .Skip(page.Offset).Limit(page.Size + 1).ToList();
        var items = docs.Take(page.Size).Select(CustomerDocument.FromBson).ToArray();
        return new Page<Customer>(items, page.Offset, docs.Count > page.Size);
    }
}
