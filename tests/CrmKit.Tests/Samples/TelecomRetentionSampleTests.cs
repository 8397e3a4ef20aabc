namespace CrmKit.Tests.Samples;

/// <summary>Runs the telecom retention sample end to end on a fresh file and checks the contact policy's work and the rates.</summary>
public sealed class TelecomRetentionSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public TelecomRetentionSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TelecomRetention_caps_respects_opt_outs_and_quiet_hours_closes_the_loop_and_measures_rates()
    {
        var (exit, output) = SampleRunner.Run("TelecomRetention", _folder);

        Assert.True(exit == 0, output);
        var stages = StageModel.Create("onboarding",
        [
            ("onboarding", "growth"), ("growth", "maturity"), ("maturity", "decline"), ("growth", "decline"),
            ("decline", "growth"), ("decline", "churned"), ("churned", "won-back"), ("won-back", "growth"),
        ]);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "telecom.db")) with { Stages = stages });
        var customers = crm.Customers.All(PageRequest.First).Items;
        Assert.Equal(8, customers.Count);

        // No channel is ever used against an opt-out; the opt-out is recorded as the reason.
        foreach (var customer in customers)
        {
            foreach (var (channel, consent) in customer.Consents.Where(c => !c.Value.Granted))
                Assert.DoesNotContain(crm.Care.For(customer.Code), t => t.Channel == channel);
        }
        Assert.Contains(crm.Care.Suppressions("T-002", "decline-care"), s => s.Channel == Channel.Sms && s.Reason == SuppressionReason.OptedOut);
        var retained = Assert.Single(crm.Care.For("T-002"), t => t.Rule == "decline-care");
        Assert.Equal((Channel.Phone, "am.silva", TaskPriority.High, CareTaskStatus.Done), (retained.Channel, retained.Owner, retained.Priority, retained.Status));
        Assert.Equal(new StageId("growth"), crm.Customers.Get("T-002").Stage);

        // The frequency cap: one SMS per customer per week; the alert went first.
        Assert.Contains(crm.Care.Suppressions("T-005", "decline-care"), s => s.Channel == Channel.Sms && s.Reason == SuppressionReason.FrequencyCap);
        Assert.Contains(crm.Care.Suppressions("T-006", "maturity-care"), s => s.Channel == Channel.Sms && s.Reason == SuppressionReason.FrequencyCap);
        var filipeSms = crm.Care.For("T-006").Where(t => t.Channel == Channel.Sms).OrderBy(t => t.Due).ToList();
        Assert.Equal(["balance-low", "maturity-care"], filipeSms.Take(2).Select(t => t.Rule));
        Assert.True(filipeSms[1].Due - filipeSms[0].Due >= TimeSpan.FromDays(7));
        foreach (var customer in customers)
        {
            // Below urgent the cap holds; urgent alerts go over it (checked below).
            var counted = crm.Care.For(customer.Code).Where(t => t.Priority != TaskPriority.Urgent
                && t.Status is CareTaskStatus.Open or CareTaskStatus.Done or CareTaskStatus.Declined or CareTaskStatus.Unreachable);
            foreach (var byChannel in counted.GroupBy(t => t.Channel))
            {
                var dues = byChannel.Select(t => t.Due).Order().ToList();
                Assert.All(dues.Zip(dues.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromDays(7), $"{customer.Code} {byChannel.Key}"));
            }
        }

        // Quiet hours in the customer's time zone: 07:30 in São Paulo moved to 09:00 local.
        var welcome = Assert.Single(crm.Care.For("T-004"), t => t.OccasionKey == "onboarding-care:welcome");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero), welcome.ProposedDue);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-3)), welcome.Due);

        // The closed loop: Ana accepted the upgrade by SMS, the phone task was withdrawn.
        var upgrade = crm.Care.For("T-001").Where(t => t.OccasionKey == "maturity-care:upgrade-2026-03").ToDictionary(t => t.Channel.Name);
        Assert.Equal((CareTaskStatus.Done, CareTaskStatus.Withdrawn), (upgrade["sms"].Status, upgrade["phone"].Status));
        Assert.Contains(crm.Care.Suppressions("T-001"), s => s.Channel == Channel.Phone && s.Reason == SuppressionReason.ClosedLoop);

        // Churn warning from overdue top-ups, then churn and win-back.
        var warning = Assert.Single(crm.Care.For("T-005"), t => t.Rule == "churn-warning");
        Assert.Equal(("churn-warning:after-2026-01-01", CareTaskStatus.Declined), (warning.OccasionKey, warning.Status));
        Assert.Equal(CareTaskStatus.Done, Assert.Single(crm.Care.For("T-005"), t => t.Rule == "win-back").Status);
        Assert.Equal(new StageId("won-back"), crm.Customers.Get("T-005").Stage);

        // Tiers.
        Assert.Equal(["diamond", "high-value", "tenure-3y-plus"], Segments(crm, "T-001"));
        Assert.Equal(["gold", "high-value", "tenure-3y-plus"], Segments(crm, "T-002"));
        Assert.Equal(["high-value", "silver", "tenure-1-to-3y"], Segments(crm, "T-003"));
        Assert.Equal(["normal", "prepaid-balance-10-to-50", "tenure-3y-plus"], Segments(crm, "T-006"));
        Assert.Equal(["mass", "prepaid-balance-50-plus", "tenure-under-1y"], Segments(crm, "T-008"));

        // Idempotence and the rates table.
        var first = System.Text.RegularExpressions.Regex.Matches(output, @"(\d+) proposals,\s+(\d+)\s+created,\s+(\d+)\s+already").Take(2).ToArray();
        Assert.Equal(first[0].Groups[1].Value, first[1].Groups[1].Value);
        Assert.Equal(("0", first[0].Groups[2].Value), (first[1].Groups[2].Value, first[1].Groups[3].Value));
        var tasks = customers.SelectMany(c => crm.Care.For(c.Code)).ToList();
        // Contact success: every attempt counts once; a closed task without attempts counts once by its closing.
        (int Reached, int Of) Success(IEnumerable<CareTask> some)
        {
            var list = some.ToList();
            var attempts = list.SelectMany(t => crm.Care.Attempts(t.Id)).ToList();
            var unattempted = list.Where(t => attempts.All(a => a.Task != t.Id)).ToList();
            return (unattempted.Count(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined) + attempts.Count(a => a.Reached),
                unattempted.Count(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined or CareTaskStatus.Expired) + attempts.Count);
        }
        var (reached, finished) = Success(tasks);
        Assert.True(finished > reached);
        var all = Assert.Single(output.Split('\n'), l => l.StartsWith("│ all ", StringComparison.Ordinal));
        Assert.Contains($"{reached}/{finished}", all);
        Assert.Contains("1/2", all); // retention: Bruno stayed, Eva churned
        var (silvaReached, silvaFinished) = Success(tasks.Where(t => t.Owner == "am.silva"));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("│ am.silva ", StringComparison.Ordinal) && l.Contains($"{silvaReached}/{silvaFinished}"));
        var contacts = customers.Sum(c => crm.Interactions.Stats(c.Code).CountsByKind.GetValueOrDefault("care-contact"));
        Assert.Equal(tasks.Count(t => t.Status is CareTaskStatus.Done or CareTaskStatus.Declined), contacts);
        Assert.Contains($"Care contacts logged as interactions: {contacts}.", output);
    }

    [Fact]
    public void TelecomRetention_bands_raises_urgent_alerts_calls_vips_and_measures_churn()
    {
        var (exit, output) = SampleRunner.Run("TelecomRetention", _folder);

        Assert.True(exit == 0, output);
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "telecom.db")) with { Stages = Stages });
        var customers = crm.Customers.All(PageRequest.First).Items;

        // Balance bands for prepaid lines only, and every customer in exactly one tenure band.
        foreach (var customer in customers)
        {
            var segments = Segments(crm, customer.Code.Value);
            var balanceBands = segments.Where(s => s.StartsWith("prepaid-balance-", StringComparison.Ordinal)).ToArray();
            if (customer.Attributes["plan"].AsText() != "prepaid") { Assert.Empty(balanceBands); }
            else
            {
                var balance = customer.Attributes["balance"].AsDecimal();
                Assert.Equal(balance < 10m ? "prepaid-balance-under-10" : balance < 50m ? "prepaid-balance-10-to-50" : "prepaid-balance-50-plus", Assert.Single(balanceBands));
            }
            var joined = customer.Attributes["joined"].AsDate();
            var today = new DateOnly(2026, 4, 13);
            var tenure = joined.AddYears(3) <= today ? "tenure-3y-plus" : joined.AddYears(1) <= today ? "tenure-1-to-3y" : "tenure-under-1y";
            Assert.Equal(tenure, Assert.Single(segments, s => s.StartsWith("tenure-", StringComparison.Ordinal)));
        }
        Assert.Contains(crm.Segments.Events("prepaid-balance-10-to-50", "T-006"), e => e.Entered); // topped up out of the low band
        Assert.Contains("Balance band: T-006 moved from prepaid-balance-under-10 to prepaid-balance-10-to-50.", output.Replace("\n", "", StringComparison.Ordinal));

        // The arrears and competitor-call alerts: urgent phone tasks for the account manager.
        var arrears = Assert.Single(crm.Care.For("T-003"), t => t.Rule == "arrears");
        var gabriela = Assert.Single(crm.Care.For("T-007"), t => t.Rule == "arrears");
        var competitor = Assert.Single(crm.Care.For("T-002"), t => t.Rule == "competitor-call");
        foreach (var (alert, customer) in new[] { (arrears, "T-003"), (gabriela, "T-007"), (competitor, "T-002") })
            Assert.Equal((Channel.Phone, TaskPriority.Urgent, crm.Customers.Get(customer).Owner, CareTaskStatus.Done), (alert.Channel, alert.Priority, alert.Owner, alert.Status));
        Assert.False(crm.Customers.Get("T-003").Attributes.ContainsKey("suspended-on"));
        Assert.Equal(1, crm.Interactions.Stats("T-002").CountsByKind["competitor-call"]);
        Assert.DoesNotContain(customers.Where(c => c.Code != "T-003" && c.Code != "T-007"), c => crm.Care.For(c.Code).Any(t => t.Rule == "arrears"));

        // Gabriela's arrears alert arrived on a day her phone cap was full (the VIP call): it went over the cap, was not suppressed,
        // and took two calls: the first unanswered, the retry after quiet hours in Shanghai reached her.
        var vipCall = Assert.Single(crm.Care.For("T-007"), t => t.OccasionKey == "vip-care:month-2026-03");
        Assert.True((gabriela.ProposedDue - vipCall.Due).Duration() < TimeSpan.FromDays(7));
        Assert.DoesNotContain(crm.Care.Suppressions("T-007", "arrears"), s => s.Reason == SuppressionReason.FrequencyCap);
        var calls = crm.Care.Attempts(gabriela.Id);
        Assert.Equal([AttemptOutcome.NoAnswer, AttemptOutcome.Reached], calls.Select(a => a.Outcome));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(gabriela.Due, shanghai).DateTime));

        // Hugo's first-bill call: busy, then no answer, and the next try would fall after the task expires: unreachable.
        var bill = Assert.Single(crm.Care.For("T-008"), t => t.OccasionKey == "onboarding-care:first-bill");
        Assert.Equal(CareTaskStatus.Unreachable, bill.Status);
        Assert.Equal([AttemptOutcome.Busy, AttemptOutcome.NoAnswer], crm.Care.Attempts(bill.Id).Select(a => a.Outcome));
        Assert.Equal(2, crm.Interactions.Stats("T-008").CountsByKind["contact-attempt"]);

        // Routine VIP care: only diamond customers, one call a month, due mid-month; the cap still protects them.
        var vip = customers.SelectMany(c => crm.Care.For(c.Code)).Where(t => t.Rule == "vip-care").ToList();
        Assert.All(vip, t => Assert.Contains("diamond", Segments(crm, t.Customer.Value)));
        Assert.Equal(["T-001", "T-007"], vip.Where(t => t.OccasionKey == "vip-care:month-2026-03").Select(t => t.Customer.Value).Order());
        Assert.All(vip.Where(t => t.OccasionKey == "vip-care:month-2026-03"), t => Assert.Equal(CareTaskStatus.Done, t.Status));
        Assert.Contains(crm.Care.Suppressions("T-001", "vip-care"), s => s.Reason == SuppressionReason.FrequencyCap);

        // Churn over the period from the stage history, through the library's rate.
        var churned = customers.Count(c => crm.Lifecycle.History(c.Code).Any(h => h.To == "churned"));
        Assert.True(churned > 0);
        var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains($"to 2026-04-13: {churned}/{customers.Count} (", text, StringComparison.Ordinal);
    }

    private static StageModel Stages => StageModel.Create("onboarding",
    [
        ("onboarding", "growth"), ("growth", "maturity"), ("maturity", "decline"), ("growth", "decline"),
        ("decline", "growth"), ("decline", "churned"), ("churned", "won-back"), ("won-back", "growth"),
    ]);

    private static string[] Segments(CrmDatabase crm, string code) =>
        crm.Segments.Of(code).Select(m => m.Segment).Order(StringComparer.Ordinal).ToArray();
}
