using CrmKit.Storage;

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
    public IReadOnlyList<GradeChange> History(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return await s.Grades.OfAsync(code, ct).ConfigureAwait(false);
    }, default).Wait();

    /// <summary>
    /// True when the customer's grade was assigned or reviewed within <paramref name="reviewPeriod"/>
    /// before now; false when it is older or the customer has no grade.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public bool IsTrusted(CustomerCode customer, TimeSpan reviewPeriod)
    {
        var c = _context.Read(async (s, ct) => (await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false)).Record.Customer, default).Wait();
        return c.Grade is not null && c.GradeReviewedAt is { } at && _context.Now - at <= reviewPeriod;
    }

    /// <summary>Graded customers whose grade has not been assigned or reviewed within <paramref name="reviewPeriod"/>, in code order.</summary>
    public IReadOnlyList<Customer> DueForReview(TimeSpan reviewPeriod)
    {
        var oldest = _context.Now - reviewPeriod;
        return _context.Read<IReadOnlyList<Customer>>(async (s, ct) =>
        {
            var due = new List<Customer>();
            for (var page = new PageRequest(0, 10_000); ; page = page.Next)
            {
                var graded = await s.Customers.QueryAsync(CustomerQuery.Graded, page, ct).ConfigureAwait(false);
                due.AddRange(graded.Items.Where(c => c.Grade is not null && (c.GradeReviewedAt is null || c.GradeReviewedAt < oldest)));
                if (!graded.HasMore) return due;
            }
        }, default).Wait();
    }

    /// <summary>The reason recorded for a grade set with the profile by hand.</summary>
    internal const string ProfileReason = "set with the profile";

    /// <summary>Records a grade set through <see cref="CustomerBook.Create"/>, <see cref="CustomerBook.Update"/> or a sync import.</summary>
    internal static ValueTask RecordProfileGrade(IStoreSession session, CustomerCode code, string? from, string to, DateTimeOffset at, CancellationToken ct,
        string reason = ProfileReason, string actor = "system") =>
        session.Grades.AppendAsync(ProfileGrade(code, from, to, at, reason, actor), ct);

    /// <summary>The grade change recorded for a grade set through a customer's profile.</summary>
    internal static GradeChange ProfileGrade(CustomerCode code, string? from, string to, DateTimeOffset at, string reason = ProfileReason, string actor = "system") =>
        new(code, from, to, at, reason, actor, IsReview: false);

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
        return _context.Write(async (s, ct) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
            var current = record.Customer;
            if (review && current.Grade is null) throw new CrmValidationException("grade", $"customer '{code}' has no grade to review.");
            var now = _context.Now;
            var change = new GradeChange(code, current.Grade, grade ?? current.Grade!, now, reason, actor, review);
            await s.Grades.AppendAsync(change, ct).ConfigureAwait(false);
            await s.Customers.UpdateAsync(current with
            {
                Grade = change.To,
                GradeReviewedAt = now,
                UpdatedAt = now,
                Version = current.Version + 1,
            }, current.Version, ct).ConfigureAwait(false);
            return change;
        }, default).Wait();
    }
}
