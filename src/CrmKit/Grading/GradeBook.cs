using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// Grades customers and leads (for example A/B most important, C/D important, E bankrupt,
/// F contacted but not graded, G never contacted, V invalid, O existing customer), records every
/// change and review, and tells which grades are stale: a grade is trusted only while its last
/// assignment or review is younger than the review period.
/// </summary>
public sealed class GradeBook
{
    private readonly CrmContext _context;

    internal GradeBook(CrmContext context) => _context = context;

    /// <summary>Sets a customer's grade now (also counts as a review) and records the change.</summary>
    /// <exception cref="CrmValidationException">The grade is not on the configured scale, or the reason or actor is empty.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public GradeChange Assign(CustomerCode customer, string grade, string reason, string actor) =>
        Record(customer, Check(_context.Options, grade), reason, actor, review: false);

    /// <summary>Confirms a customer's current grade now and records the review.</summary>
    /// <exception cref="CrmValidationException">The customer has no grade to review.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public GradeChange Review(CustomerCode customer, string reason, string actor) =>
        Record(customer, null, reason, actor, review: true);

    /// <summary>A customer's grading history, oldest first.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public IReadOnlyList<GradeChange> History(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        return _context.Store.GradeChanges.Find(Query.EQ("c", code.Value))
            .OrderBy(d => d["_id"].AsInt64)
            .Select(FromBson)
            .ToArray();
    }

    /// <summary>
    /// True when the customer's grade was assigned or reviewed within <paramref name="reviewPeriod"/>
    /// before now; false when it is older or the customer has no grade.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public bool IsTrusted(CustomerCode customer, TimeSpan reviewPeriod)
    {
        var c = CustomerDocument.FromBson(_context.Load(customer, out _));
        return c.Grade is not null && c.GradeReviewedAt is { } at && _context.Now - at <= reviewPeriod;
    }

    /// <summary>Graded customers whose grade has not been assigned or reviewed within <paramref name="reviewPeriod"/>, in code order.</summary>
    public IReadOnlyList<Customer> DueForReview(TimeSpan reviewPeriod)
    {
        var oldest = _context.Now - reviewPeriod;
        return _context.Store.Customers.Find(LiteDB.Query.Not("grd", BsonValue.Null))
            .Select(CustomerDocument.FromBson)
            .Where(c => c.Grade is not null && (c.GradeReviewedAt is null || c.GradeReviewedAt < oldest))
            .OrderBy(c => c.Code.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Records a grade set through <see cref="CustomerBook.Create"/> or <see cref="CustomerBook.Update"/>.</summary>
    internal static void RecordProfileGrade(CrmContext context, CustomerCode code, string? from, string to, DateTimeOffset at) =>
        context.Store.GradeChanges.Insert(ToBson(new GradeChange(code, from, to, at, "set with the profile", "system", IsReview: false)));

    /// <summary>Checks a grade against its length limit and the configured scale.</summary>
    internal static string Check(CrmOptions options, string grade)
    {
        Require.Name(grade, "grade", 32);
        var scale = options.GradeScale;
        if (scale is not null && !scale.Contains(grade, StringComparer.Ordinal))
            throw new CrmValidationException("grade", $"'{grade}' is not on the grade scale ({string.Join(", ", scale)}).");
        return grade;
    }

    private GradeChange Record(CustomerCode customer, string? grade, string reason, string actor, bool review)
    {
        Require.Name(reason, "reason", Require.MaxTextLength);
        Require.Name(actor, "actor");
        return _context.Store.Write(() =>
        {
            var current = CustomerDocument.FromBson(_context.Load(customer, out var code));
            if (review && current.Grade is null) throw new CrmValidationException("grade", $"customer '{code}' has no grade to review.");
            var now = _context.Now;
            var change = new GradeChange(code, current.Grade, grade ?? current.Grade!, now, reason, actor, review);
            _context.Store.GradeChanges.Insert(ToBson(change));
            _context.Store.Touch(code);
            _context.Store.UpdateProfile(current with
            {
                Grade = change.To,
                GradeReviewedAt = now,
                UpdatedAt = now,
                Version = current.Version + 1,
            });
            return change;
        });
    }

    private static BsonDocument ToBson(GradeChange g) => new()
    {
        ["c"] = g.Customer.Value,
        ["f"] = Bson.Text(g.From),
        ["t"] = g.To,
        ["at"] = Bson.Instant(g.At),
        ["r"] = g.Reason,
        ["a"] = g.Actor,
        ["rev"] = g.IsReview,
    };

    private static GradeChange FromBson(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), Bson.ToText(d["f"]), d["t"].AsString, Bson.ToInstant(d["at"]), d["r"].AsString, d["a"].AsString, d["rev"].AsBoolean);
}
