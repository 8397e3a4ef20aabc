using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmKit.Tests.Samples;

/// <summary>
/// The retention campaign of the telecom sample: the rehearsal, the assignment and the evaluation
/// it prints agree with what the campaign's database holds and with the library's evaluation of it.
/// </summary>
public sealed class TelecomCampaignSampleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-samples", Guid.NewGuid().ToString("N"));

    public TelecomCampaignSampleTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TelecomRetention_runs_a_campaign_with_a_holdout_and_two_offers_and_prints_its_uplift()
    {
        var (exit, output) = SampleRunner.Run("TelecomRetention", _folder);
        Assert.True(exit == 0, output);
        var text = Regex.Replace(output, @"\s+", " ");
        using var crm = CrmDatabase.Open(CrmOptions.ForFile(Path.Combine(_folder, "retention-campaign.db")) with
        {
            PurchaseKinds = new HashSet<InteractionKind> { "renewal" },
        });

        var campaign = crm.Campaigns.Get("spring-renewal");
        Assert.Equal([CampaignStatus.Draft, CampaignStatus.Submitted, CampaignStatus.Approved, CampaignStatus.Running, CampaignStatus.Completed],
            campaign.History.Select(h => h.To));
        Assert.Equal(2, campaign.Plan.Offers.Count);
        Assert.Equal("renewal", Assert.Single(crm.Campaigns.Templates()).Name);

        // The assignment: recorded for everyone in the target, the holdout near its share, and never tasked.
        var assignments = crm.Campaigns.Assignments("spring-renewal");
        var holdout = assignments.Count(a => a.IsHoldout);
        Assert.Equal(540, assignments.Count);
        Assert.InRange(holdout, 540 * 0.2 - 4.5 * Math.Sqrt(540 * 0.2 * 0.8), 540 * 0.2 + 4.5 * Math.Sqrt(540 * 0.2 * 0.8));
        Assert.Contains($"Rehearsal (nothing written): audience {assignments.Count}, holdout {holdout}, ", text, StringComparison.Ordinal);
        var arms = string.Join(", ", assignments.GroupBy(a => a.Arm).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Assert.Contains($"Run: {assignments.Count} customers assigned before anyone was contacted: {arms}", text, StringComparison.Ordinal);
        var byCustomer = assignments.ToDictionary(a => a.Customer);
        var tasks = crm.Care.Tasks(null, new PageRequest(0, 10_000)).Items.Where(t => t.Rule == "campaign.spring-renewal").ToList();
        Assert.Equal(assignments.Count - holdout, tasks.Count);
        Assert.All(tasks, t => Assert.False(byCustomer[t.Customer].IsHoldout, $"held-out {t.Customer} has task {t.Id}"));

        // The evaluation it prints is the library's, with the intervals.
        var evaluation = crm.Campaigns.Evaluate("spring-renewal");
        foreach (var arm in evaluation.Offers.Append(evaluation.Holdout))
        {
            var row = output.Split('\n').First(l => l.StartsWith($"│ {arm.Arm} ", StringComparison.Ordinal)); // the arms table comes first
            Assert.Matches($@"│ {arm.Audience}\s+│ {arm.Reached}\s+│ {arm.Responders}\s+│ {arm.ResponseRate!.Value.ToString("0.0%", CultureInfo.InvariantCulture)}", row);
        }
        foreach (var u in evaluation.Uplifts)
        {
            var ci = u.ResponseRate!.Value;
            // A narrow console wraps the interval inside its cell, so its two ends are looked for apart.
            Assert.Contains($"[{Points(ci.Low)},", text, StringComparison.Ordinal);
            Assert.Contains($"{Points(ci.High)}]", text, StringComparison.Ordinal);
            Assert.True(ci.Low <= ci.Estimate && ci.Estimate <= ci.High);
        }
        // The simulated truth: every offer adds renewals, and the intent-to-treat interval says so.
        Assert.All(evaluation.Offers, o => Assert.True(evaluation.Uplift(o.Arm).ResponseRate!.Value.ExcludesZero, o.Arm));
        Assert.Contains("Newcombe's hybrid score interval", text, StringComparison.Ordinal);
        Assert.Contains("A/B: ", text, StringComparison.Ordinal);

        // The rates are the library's.
        var participation = crm.Rates.Participation(campaign.Plan.Window.Start, campaign.History[^1].At, RateCut.ByCampaign)["spring-renewal"];
        Assert.Equal(assignments.Count - holdout, participation.Denominator);
        Assert.Matches($@"│ participation\s+│ spring-renewal\s+│ {participation.Numerator}/{participation.Denominator} ", output);
    }

    private static string Points(double v) => (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp";
}
