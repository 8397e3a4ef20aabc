using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>Invariants of care sweeps and the contact policy.</summary>
public abstract class CareContract
{
    /// <summary>Opens a fresh database on the store under test.</summary>
    protected abstract TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null);

    private const int CustomerCount = 5;
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly ContactPolicy Policy = ContactPolicy.Default with { MaxPerChannel = 1, CapWindow = TimeSpan.FromDays(5) };

    private static IReadOnlyList<ICareRule> Rules =>
    [
        CareRules.Birthday(7, Channel.Sms, Channel.Phone),
        CareRules.KeyAccountHoliday([new Holiday("thanksgiving", 11, 28), new Holiday("christmas", 12, 25), new Holiday("new-year", 1, 1)], leadDays: 10, channels: [Channel.Phone, Channel.Email]),
        CareRules.DormantProspect(10, channels: Channel.Email),
    ];

    private static Gen<Customer[]> Customers =>
        Gen.Choose(0, 1000).ArrayOf(CustomerCount)
            .SelectMany(_ => Generators.CareCustomer("C").ArrayOf(CustomerCount))
            .Select(cs => cs.Select((c, i) => c with { Code = $"C{i}" }).ToArray());

    /// <summary>Sweep instants: hours to days apart, moving forward from the start.</summary>
    private static Gen<int[]> Steps => Gen.Choose(1, 24 * 9).ArrayOf().Where(a => a.Length is > 0 and <= 6);

    private TestDatabase Seeded(Customer[] customers)
    {
        var db = Open(o => o with { ContactPolicy = Policy });
        foreach (var c in customers) db.Crm.Customers.Create(c);
        return db;
    }

    private static List<CareTask> AllTasks(TestDatabase db) => db.Crm.Care.Tasks(null, new PageRequest(0, 10_000)).Items.ToList();

    [Property(MaxTest = 20)]
    public Property A_sweep_at_the_same_instant_twice_creates_nothing_new() =>
        Prop.ForAll(Customers.ToArbitrary(), Steps.ToArbitrary(), (customers, steps) =>
        {
            using var db = Seeded(customers);
            var at = Start;
            foreach (var hours in steps)
            {
                at = at.AddHours(hours);
                db.Crm.Care.Sweep(Rules, at);
                var tasks = AllTasks(db).Count;
                var suppressions = Enumerable.Range(0, CustomerCount).Sum(i => db.Crm.Care.Suppressions($"C{i}").Count);
                var again = db.Crm.Care.Sweep(Rules, at);
                var suppressionsAfter = Enumerable.Range(0, CustomerCount).Sum(i => db.Crm.Care.Suppressions($"C{i}").Count);
                if (again.Created != 0 || AllTasks(db).Count != tasks || suppressionsAfter != suppressions)
                    return false.Label($"second sweep at {at:o} created {again.Created}");
            }
            return true.Label("ok");
        });

    [Property(MaxTest = 20)]
    public Property No_sequence_of_sweeps_exceeds_a_cap_or_uses_an_opted_out_channel() =>
        Prop.ForAll(Customers.ToArbitrary(), Steps.ToArbitrary(), Gen.Choose(0, 3).ArrayOf(6).ToArbitrary(), (customers, steps, closes) =>
        {
            using var db = Seeded(customers);
            var at = Start;
            foreach (var (hours, i) in steps.Select((h, i) => (h, i)))
            {
                at = at.AddHours(hours);
                db.Clock.SetUtcNow(at);
                db.Crm.Care.Sweep(Rules, at);
                var open = db.Crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 10_000)).Items;
                if (open.Count > 0 && closes[i % closes.Length] > 0) db.Crm.Care.Complete(open[closes[i % closes.Length] % open.Count].Id, "talked", "ana");
            }
            foreach (var task in AllTasks(db))
            {
                var customer = customers[int.Parse(task.Customer.Value[1..])];
                if (customer.Consents.TryGetValue(task.Channel, out var consent) && !consent.Granted)
                    return false.Label($"task {task.Id} uses opted-out {task.Channel}");
            }
            foreach (var group in AllTasks(db).Where(t => CareStatusCounts(t.Status)).GroupBy(t => (t.Customer, t.Channel)))
            {
                var dues = group.Select(t => t.Due).Order().ToArray();
                for (var i = 0; i < dues.Length; i++)
                {
                    var inWindow = dues.Count(d => d >= dues[i] && d < dues[i] + Policy.CapWindow);
                    if (inWindow > Policy.MaxPerChannel) return false.Label($"{group.Key}: {inWindow} tasks within a window from {dues[i]:o}");
                }
            }
            return true.Label("ok");
        });

    private static bool CareStatusCounts(CareTaskStatus s) => s is CareTaskStatus.Open or CareTaskStatus.Done or CareTaskStatus.Declined;

    [Property(MaxTest = 300)]
    public Property Quiet_hours_hold_in_every_time_zone() =>
        Prop.ForAll(Generators.Zone.ToArbitrary(), Generators.NearInstant.ToArbitrary(), Gen.Choose(0, 23 * 4).Two().ToArbitrary(), (zone, due, quiet) =>
        {
            var policy = ContactPolicy.Default with { QuietStart = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * quiet.Item1)), QuietEnd = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(15 * quiet.Item2)) };
            var allowed = policy.NextAllowed(due, zone);
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(allowed, zone).DateTime);
            var dueQuiet = policy.IsQuiet(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime));
            return (allowed >= due && !policy.IsQuiet(local) && (dueQuiet || allowed == due) && allowed - due < TimeSpan.FromDays(1.2))
                .Label($"{zone.Id}: {due:o} → {allowed:o} (local {local}), quiet {policy.QuietStart}-{policy.QuietEnd}");
        });

    [Property(MaxTest = 20)]
    public Property The_closed_loop_leaves_no_open_task_for_a_closed_occasion() =>
        Prop.ForAll(Customers.ToArbitrary(), Steps.ToArbitrary(), Gen.Elements(true, false).ArrayOf(6).ToArbitrary(), (customers, steps, decline) =>
        {
            using var db = Seeded(customers);
            var at = Start;
            foreach (var (hours, i) in steps.Select((h, i) => (h, i)))
            {
                at = at.AddHours(hours);
                db.Clock.SetUtcNow(at);
                db.Crm.Care.Sweep(Rules, at);
                var open = db.Crm.Care.Tasks(CareTaskStatus.Open, new PageRequest(0, 10_000)).Items;
                if (open.Count == 0) continue;
                var pick = open[i % open.Count];
                if (decline[i % decline.Length]) db.Crm.Care.Decline(pick.Id, "not interested", "omar");
                else db.Crm.Care.Complete(pick.Id, "reached", "omar");
            }
            var all = AllTasks(db);
            var closed = all.Where(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined).Select(t => (t.Customer, t.OccasionKey)).ToHashSet();
            var leak = all.FirstOrDefault(t => t.Status == CareTaskStatus.Open && closed.Contains((t.Customer, t.OccasionKey)));
            var contacts = Enumerable.Range(0, CustomerCount).Sum(i => db.Crm.Interactions.Stats($"C{i}").CountsByKind.GetValueOrDefault("care-contact"));
            return (leak is null && contacts == all.Count(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined))
                .Label(leak is null ? $"{contacts} contacts recorded" : $"task {leak.Id} for {leak.OccasionKey} still open");
        });
}
