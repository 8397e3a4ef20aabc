using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Grading;

public class GradeBookTests
{
    private static readonly string[] Scale = ["A", "B", "C", "D", "E", "F", "G", "O", "V"];

    private static TestDatabase Database() => TestDatabase.InMemory(o => o with { GradeScale = Scale });

    [Property(MaxTest = 40)]
    public Property Every_grade_change_is_recorded_and_the_last_one_is_the_current_grade() =>
        Prop.ForAll(Gen.Elements(Scale).ArrayOf().Where(a => a.Length is > 0 and < 15).ToArbitrary(), grades =>
        {
            using var db = Database();
            db.Crm.Customers.Create(new Customer("L1", "Lead") { Grade = "G" });
            foreach (var g in grades)
            {
                db.Clock.Advance(TimeSpan.FromDays(1));
                db.Crm.Grades.Assign("L1", g, "call", "agent");
            }
            var history = db.Crm.Grades.History("L1");
            var contiguous = history.Zip(history.Skip(1)).All(p => p.Second.From == p.First.To);
            return (history.Count == grades.Length + 1 && contiguous && history[^1].To == db.Crm.Customers.Get("L1").Grade)
                .Label(string.Join(",", history.Select(h => h.To)));
        });

    [Fact]
    public void A_grade_is_trusted_only_within_the_review_period_and_a_review_renews_it()
    {
        using var db = Database();
        db.Crm.Customers.Create(new Customer("L1", "Lead") { Grade = "C" });
        var period = TimeSpan.FromDays(90);

        db.Clock.Advance(TimeSpan.FromDays(91));
        Assert.False(db.Crm.Grades.IsTrusted("L1", period));
        Assert.Equal(["L1"], db.Crm.Grades.DueForReview(period).Select(c => c.Code.Value));

        db.Crm.Grades.Review("L1", "called, still interested", "agent");
        Assert.True(db.Crm.Grades.IsTrusted("L1", period));
        Assert.Empty(db.Crm.Grades.DueForReview(period));
        Assert.True(db.Crm.Grades.History("L1")[^1].IsReview);
    }

    [Fact]
    public void A_grade_off_the_scale_is_rejected_and_an_update_that_changes_the_grade_is_recorded()
    {
        using var db = Database();
        var created = db.Crm.Customers.Create(new Customer("L1", "Lead") { Grade = "F" });

        var error = Assert.Throws<CrmValidationException>(() => db.Crm.Grades.Assign("L1", "Z", "typo", "agent"));
        Assert.Equal("grade", error.Field);

        db.Crm.Customers.Update(created with { Grade = "B" });
        Assert.Equal([null, "F"], db.Crm.Grades.History("L1").Select(h => h.From));
    }
}
