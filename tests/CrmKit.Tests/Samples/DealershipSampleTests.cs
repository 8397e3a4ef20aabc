namespace CrmKit.Tests.Samples;

/// <summary>Runs the car dealership sample end to end on a fresh file and checks the tasks, suppressions and segments it left behind.</summary>
public sealed class DealershipSampleTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public DealershipSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Dealership_runs_prospects_to_advocates_with_care_tasks_suppressions_and_segments()
    {
        var (exit, output) = SampleRunner.Run("Dealership", _folder);

        Assert.True(exit == 0, output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "dealership.db")));

        // The test-drive offer: one answer on messaging withdrew the phone task (the closed loop).
        var liNa = crm.Care.For("D-003").Where(t => t.Rule == "test-drive-offer").ToDictionary(t => t.Channel.Name);
        Assert.Equal(CareTaskStatus.Done, liNa["messaging"].Status);
        Assert.Equal(CareTaskStatus.Withdrawn, liNa["phone"].Status);
        Assert.Contains(crm.Care.Suppressions("D-003", "test-drive-offer"), s => s.Channel == Channel.Phone && s.Reason == SuppressionReason.ClosedLoop);
        Assert.Contains(crm.Interactions.Stats("D-003").CountsByKind, kv => kv.Key == "care-contact");

        // Zhou Min opted out of messaging: never a messaging task, a suppression saying why.
        var zhou = crm.Care.For("D-005");
        Assert.DoesNotContain(zhou, t => t.Channel == Channel.Messaging);
        Assert.Contains(crm.Care.Suppressions("D-005"), s => s.Channel == Channel.Messaging && s.Reason == SuppressionReason.OptedOut && s.Detail.Contains("opted out"));

        // Dormant after 90 days without contact, assigned to her salesperson.
        var dormant = Assert.Single(zhou, t => t.OccasionKey == "dormant-prospect:since-2026-01-05");
        Assert.Equal(Channel.Phone, dormant.Channel);
        Assert.Equal("sales.wu", dormant.Owner);
        Assert.Equal(CareTaskStatus.Done, dormant.Status);
        Assert.True(dormant.Due >= new DateTimeOffset(2026, 4, 5, 10, 0, 0, Beijing));

        // Delivery: stage new, welcome the same day, check-in before the first service, greetings.
        Assert.Equal(new StageId("new"), crm.Customers.Get("D-001").Stage);
        var wang = crm.Care.For("D-001");
        var welcome = Assert.Single(wang, t => t.Rule == "welcome");
        Assert.Equal(new DateOnly(2026, 1, 20), DateOnly.FromDateTime(welcome.Due.ToOffset(Beijing).DateTime));
        Assert.Equal("sales.li", welcome.Owner);
        Assert.Equal(CareTaskStatus.Done, welcome.Status);
        var checkIn = Assert.Single(wang, t => t.Rule == "first-service-check-in");
        Assert.Equal(new DateTimeOffset(2026, 7, 19, 10, 0, 0, Beijing), checkIn.Due);
        Assert.Equal(Channel.Sms, Assert.Single(wang, t => t.OccasionKey == "birthday:2026").Channel);
        Assert.Equal(Channel.Email, Assert.Single(wang, t => t.OccasionKey == "purchase-anniversary:2027").Channel);

        // The complaint: a high-priority win-back task for the named account manager.
        var winBack = Assert.Single(crm.Care.For("D-004"), t => t.Rule == "win-back");
        Assert.Equal(("win-back:after-complaint-1", "sales.zhao", TaskPriority.High, CareTaskStatus.Done),
            (winBack.OccasionKey, winBack.Owner, winBack.Priority, winBack.Status));
        var holiday = crm.Care.For("D-004").Where(t => t.Rule == "key-account-holiday").ToDictionary(t => t.Channel.Name);
        Assert.Equal((CareTaskStatus.Done, CareTaskStatus.Withdrawn), (holiday["store"].Status, holiday["phone"].Status));

        // Segments and the value ladder.
        Assert.Equal(["advocate", "first-time", "group", "identifies", "loyal", "premium", "satisfied"], Segments(crm, "D-001"));
        Assert.Equal(["first-time", "group", "mass"], Segments(crm, "D-002"));
        Assert.Equal(["first-time", "individual", "mass", "satisfied"], Segments(crm, "D-003"));
        Assert.Equal(["group", "key-accounts", "premium", "returning", "satisfied"], Segments(crm, "D-004"));
        Assert.Equal(["first-time", "individual", "premium"], Segments(crm, "D-006"));

        // Sun Li bought, so the dormant-prospect rule no longer calls her, though her stage says prospect.
        Assert.DoesNotContain(crm.Care.For("D-006"), t => t.Rule == "dormant-prospect");

        // The repeated sweep at the same instant created nothing and knew every task the first one saw.
        var sweeps = output.Split("Sweep: ")[^2..]
            .Select(s => System.Text.RegularExpressions.Regex.Match(s, @"(\d+)\s+created,\s+(\d+)\s+already\s+known")).ToArray();
        Assert.Equal("0", sweeps[1].Groups[1].Value);
        Assert.Equal(int.Parse(sweeps[0].Groups[1].Value) + int.Parse(sweeps[0].Groups[2].Value), int.Parse(sweeps[1].Groups[2].Value));
        Assert.Contains("Value ladder: satisfied 3, identifies 1, loyal 1, advocate 1.", output);
    }

    [Fact]
    public void Dealership_reminds_inspection_maintenance_and_insurance_and_moves_members_up_tiers_by_points()
    {
        var (exit, output) = SampleRunner.Run("Dealership", _folder);

        Assert.True(exit == 0, output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "dealership.db")));
        var chen = crm.Care.For("D-004");
        var chenStats = crm.Interactions.Stats("D-004");

        // Inspection: a year after the previous inspection, proposed two weeks ahead; the new inspection re-arms it a year on.
        var inspection = Assert.Single(chen, t => t.Rule == "inspection");
        Assert.Equal(new DateOnly(2026, 3, 20), LocalDate(inspection.Due));
        Assert.Equal((CareTaskStatus.Done, TaskPriority.High, "sales.zhao"), (inspection.Status, inspection.Priority, inspection.Owner));
        Assert.True(inspection.CreatedAt <= inspection.Due && inspection.Due - inspection.CreatedAt <= TimeSpan.FromDays(14));
        Assert.Equal(2, chenStats.CountsByKind["inspection"]);
        Assert.True(chenStats.LastOfKind("inspection") > inspection.CreatedAt);

        // Maintenance: six months after the service visit.
        var maintenance = Assert.Single(chen, t => t.Rule == "maintenance");
        var serviceVisit = chenStats.LastOfKind(InteractionKind.ServiceVisit)!.Value;
        Assert.Equal(LocalDate(serviceVisit).AddDays(180), LocalDate(maintenance.Due));
        Assert.Equal(CareTaskStatus.Done, maintenance.Status);

        // Insurance renewal: from the renewal date set at delivery, proposed within 30 days of it.
        foreach (var code in new[] { "D-001", "D-003", "D-004" })
        {
            var renewal = crm.Customers.Get(code).Attributes["insurance-renewal"].AsDate();
            Assert.Equal(LocalDate(crm.Interactions.Stats(code).LastOfKind("delivery")!.Value).AddYears(1), renewal);
            var task = Assert.Single(crm.Care.For(code), t => t.Rule == "insurance-renewal");
            Assert.Equal("insurance-renewal:" + renewal.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), task.OccasionKey);
            Assert.InRange(renewal.DayNumber - LocalDate(task.Due).DayNumber, 0, 30);
        }
        Assert.DoesNotContain(crm.Care.For("D-002"), t => t.Rule == "insurance-renewal"); // renews in June, after the story ends

        // Membership on the ledger: each purchase earned floor(amount / 100) points, the balance is the
        // sum of the entries, and the tier follows the points earned.
        foreach (var customer in crm.Customers.All(PageRequest.First).Items)
        {
            var account = crm.Loyalty.Account(customer.Code);
            Assert.Equal(account.Entries.Sum(e => e.Points), account.Balance);
            Assert.True(account.Balance >= 0);
            var purchases = crm.Interactions.For(customer.Code, new PageRequest(0, 1_000)).Items.Where(i => i.Kind == InteractionKind.Purchase).ToArray();
            var earnedForPurchases = account.Entries.Where(e => e.Source.Kind == CrmKit.Loyalty.PointsSourceKind.Purchase).ToArray();
            Assert.Equal(purchases.Select(p => (long)decimal.Floor(p.Amount!.Value / 100m)).Order(), earnedForPurchases.Select(e => e.Points).Order());
            var earned = account.Entries.Where(e => e.Kind == CrmKit.Loyalty.LedgerEntryKind.Earned).Sum(e => e.Points);
            var expected = earned >= 6_000 ? "platinum" : earned >= 3_000 ? "gold" : earned >= 1_000 ? "silver" : null;
            Assert.Equal(expected, account.Tier?.Name);
        }

        // The referral converted when Sun Li first bought: Wang Fang was credited 500 points, once, and she spent 2,000.
        var wang = crm.Loyalty.Account("D-001");
        var bonus = Assert.Single(wang.Entries, e => e.Source.Kind == CrmKit.Loyalty.PointsSourceKind.Referral);
        Assert.Equal((500L, "referral-bonus", "D-006"), (bonus.Points, bonus.Rule, bonus.Source.Reference));
        Assert.Equal(-2_000, Assert.Single(wang.Entries, e => e.Kind == CrmKit.Loyalty.LedgerEntryKind.Redeemed).Points);
        Assert.Equal(3_280 + 2_960 + 500 - 2_000, wang.Balance);
        var conversion = Assert.Single(crm.Loyalty.ConversionByStaff());
        Assert.Equal(("sales.li", 1, 1), (conversion.Key, conversion.Referrals, conversion.Converted));

        // Wang Fang moved up from gold to platinum when she bought again, and the output says so.
        Assert.Equal([(null, "gold"), ("gold", "platinum")], wang.TierHistory.Select(c => (c.From, c.To)));
        Assert.Contains("Membership: D-001 moves up from gold to platinum", output);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("moves up from platinum", StringComparison.Ordinal) || l.Contains("moves down", StringComparison.Ordinal));

        // Every move printed lands in the tier its points call for.
        var moves = System.Text.RegularExpressions.Regex.Matches(System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "),
            @"moves up from [a-z ]+ to ([a-z]+) \(([\d,]+) points\)");
        Assert.True(moves.Count >= 5, output);
        foreach (System.Text.RegularExpressions.Match move in moves)
        {
            var points = int.Parse(move.Groups[2].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(points >= 6_000 ? "platinum" : points >= 3_000 ? "gold" : "silver", move.Groups[1].Value);
        }
    }

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);

    private static string[] Segments(CrmDatabase crm, string code) =>
        crm.Segments.Of(code).Select(m => m.Segment).Order(StringComparer.Ordinal).ToArray();
}
