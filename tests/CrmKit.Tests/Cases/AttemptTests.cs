using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Cases;

/// <summary>Contact attempts and the retry policy.</summary>
public class AttemptTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));

    private static ContactAttempt Attempt(DateTimeOffset at, AttemptOutcome outcome) => new("C1", 42, null, Channel.Phone, at, outcome, "ana");

    [Fact]
    public void A_missed_call_is_retried_after_the_interval_and_then_runs_out()
    {
        var policy = RetryPolicy.Default;
        var first = Attempt(Morning, AttemptOutcome.NoAnswer);
        var after1 = policy.Next([first], Berlin, ContactPolicy.Default);
        Assert.Equal((RetryVerdict.Retry, Morning.AddHours(4), 1), (after1.Verdict, after1.NextAt, after1.Attempts));
        var second = Attempt(after1.NextAt!.Value, AttemptOutcome.Busy);
        var after2 = policy.Next([first, second], Berlin, ContactPolicy.Default);
        Assert.Equal(Morning.AddHours(4).AddDays(1), after2.NextAt);
        var third = Attempt(after2.NextAt!.Value, AttemptOutcome.NoAnswer);
        var after3 = policy.Next([third, first, second], Berlin, ContactPolicy.Default);
        Assert.Equal((RetryVerdict.Exhausted, null, 3), (after3.Verdict, after3.NextAt, after3.Attempts));
    }

    [Fact]
    public void Retries_wait_for_the_end_of_quiet_hours_and_honour_a_requested_callback()
    {
        var evening = new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.FromHours(1));
        var decision = RetryPolicy.Default.Next([Attempt(evening, AttemptOutcome.NoAnswer)], Berlin, ContactPolicy.Default);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1)), decision.NextAt);
        Assert.Contains("after quiet hours", decision.Reason);

        var callback = Attempt(Morning, AttemptOutcome.CallbackRequested) with { CallbackAt = Morning.AddMinutes(30) };
        Assert.Equal(Morning.AddMinutes(30), RetryPolicy.Default.Next([callback], Berlin, ContactPolicy.Default).NextAt);
        Assert.Throws<CrmValidationException>(() => Attempt(Morning, AttemptOutcome.CallbackRequested) with { CallbackAt = Morning });
    }

    [Fact]
    public void Reached_and_wrong_number_stop_and_expiry_ends_the_attempts()
    {
        Assert.Equal(RetryVerdict.Reached, RetryPolicy.Default.Next([Attempt(Morning, AttemptOutcome.Reached)], Berlin, ContactPolicy.Default).Verdict);
        Assert.Equal(RetryVerdict.WrongNumber, RetryPolicy.Default.Next([Attempt(Morning, AttemptOutcome.WrongNumber)], Berlin, ContactPolicy.Default).Verdict);
        var expiring = RetryPolicy.Default.Next([Attempt(Morning, AttemptOutcome.NoAnswer)], Berlin, ContactPolicy.Default, notAfter: Morning.AddHours(1));
        Assert.Equal(RetryVerdict.Exhausted, expiring.Verdict);
    }

    [Fact]
    public void An_attempt_is_an_interaction_on_the_channel_actually_used()
    {
        var attempt = new ContactAttempt("C1", 42, null, Channel.Messaging, Morning, AttemptOutcome.NoAnswer, "ana") { Note = "left a message" };
        var interaction = attempt.ToInteraction();
        Assert.Equal(("contact-attempt", "messaging", "no-answer", "ana", "42"), (interaction.Kind.Name, interaction.Channel.Name, interaction.Outcome, interaction.Staff, interaction.Metadata["task"]));
        Assert.Equal("attempt.task", Assert.Throws<CrmValidationException>(() => new ContactAttempt("C1", 1, 2, Channel.Phone, Morning, AttemptOutcome.Busy, "a")).Field);
        Assert.Equal("retry.intervals[0]", Assert.Throws<CrmValidationException>(() => RetryPolicy.Default with { Intervals = [TimeSpan.Zero] }).Field);
        Assert.Equal("retry.maxAttempts", Assert.Throws<CrmValidationException>(() => RetryPolicy.Default with { MaxAttempts = 0 }).Field);
    }

    [Property(MaxTest = 200)]
    public Property A_retry_is_never_in_quiet_hours_never_early_and_never_past_the_limit() =>
        Prop.ForAll(Generators.Zone.Zip(Generators.NearInstant).ToArbitrary(), Gen.Choose(0, 4).ArrayOf().Where(a => a.Length is > 0 and < 8).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(),
            (start, outcomes, max) =>
        {
            var zone = start.Item1;
            var policy = RetryPolicy.Default with { MaxAttempts = max, Intervals = [TimeSpan.FromMinutes(90), TimeSpan.FromHours(20)] };
            var attempts = new List<ContactAttempt>();
            var at = start.Item2;
            foreach (var outcome in outcomes.Select(o => (AttemptOutcome)o))
            {
                attempts.Add(Attempt(at, outcome));
                var decision = policy.Next(attempts, zone, ContactPolicy.Default);
                if (decision.Verdict != RetryVerdict.Retry)
                {
                    var expected = outcome switch
                    {
                        AttemptOutcome.Reached => RetryVerdict.Reached,
                        AttemptOutcome.WrongNumber => RetryVerdict.WrongNumber,
                        _ => RetryVerdict.Exhausted,
                    };
                    return (decision.Verdict == expected && (expected != RetryVerdict.Exhausted || attempts.Count >= max)).Label($"{decision.Verdict} after {attempts.Count}");
                }
                var next = decision.NextAt!.Value;
                if (attempts.Count >= max) return false.Label("retry past the limit");
                if (next <= at) return false.Label("retry not after the attempt");
                if (ContactPolicy.Default.IsQuiet(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime))) return false.Label($"retry {next:o} in quiet hours");
                at = next;
            }
            return true.Label("ok");
        });
}
