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
            var counted = crm.Care.For(customer.Code).Where(t => t.Status is CareTaskStatus.Open or CareTaskStatus.Done or CareTaskStatus.Declined);
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
        Assert.Equal(["diamond", "high-value"], Segments(crm, "T-001"));
        Assert.Equal(["gold", "high-value"], Segments(crm, "T-002"));
        Assert.Equal(["high-value", "silver"], Segments(crm, "T-003"));
        Assert.Equal(["normal"], Segments(crm, "T-006"));
        Assert.Equal(["mass"], Segments(crm, "T-008"));

        // Idempotence and the rates table.
        Assert.Contains("13 proposals, 0 created, 10 already known", output);
        var all = Assert.Single(output.Split('\n'), l => l.StartsWith("│ all ", StringComparison.Ordinal));
        Assert.Contains("13/14", all);
        Assert.Contains("93%", all);
        Assert.Contains("3/7", all);
        Assert.Contains("1/2", all);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("│ am.silva ", StringComparison.Ordinal) && l.Contains("60%"));
        Assert.Contains("Care contacts logged as interactions: 13.", output);
    }

    private static string[] Segments(CrmDatabase crm, string code) =>
        crm.Segments.Of(code).Select(m => m.Segment).Order(StringComparer.Ordinal).ToArray();
}
