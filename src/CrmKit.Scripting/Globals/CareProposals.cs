namespace CrmKit.Scripting;

/// <summary>
/// The <c>Care</c> global of a care script: it collects the care actions the script proposes for
/// the current customer. One instance serves one evaluation; it is not thread-safe.
/// </summary>
/// <example>
/// <code>
/// if (Customer.NextBirthday(Now) is { } day &amp;&amp; day.DayNumber - DateOnly.FromDateTime(Now.Date).DayNumber &lt;= 7)
///     Care.Propose("birthday", due: Now.AddDays(1), channel: "sms", priority: CarePriority.High);
/// </code>
/// </example>
public sealed class CareProposals
{
    /// <summary>The most proposals one evaluation may make.</summary>
    public const int Limit = 100;

    private readonly List<CareProposal> _items = [];
    private readonly DateTimeOffset _now;

    internal CareProposals(DateTimeOffset now) => _now = now;

    /// <summary>
    /// Proposes a care action for the current customer.
    /// </summary>
    /// <param name="occasion">Why: a short name such as <c>birthday</c>, 1 to 64 characters.</param>
    /// <param name="due">When it is due; defaults to <c>Now</c>.</param>
    /// <param name="channel">The preferred channel, such as <c>sms</c> (1 to 64 lower-case letters a-z, digits, '-', '_' and '.'), or null to let the engine choose.</param>
    /// <param name="priority">How urgent it is; defaults to <see cref="CarePriority.Normal"/>.</param>
    /// <param name="note">A note for the person doing it, at most 1,000 characters.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    /// <exception cref="InvalidOperationException">The evaluation already made <see cref="Limit"/> proposals.</exception>
    public void Propose(string occasion, DateTimeOffset? due = null, string? channel = null,
        CarePriority priority = CarePriority.Normal, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(occasion) || occasion.Length > 64)
            throw new ArgumentException("The occasion must be 1 to 64 characters.", nameof(occasion));
        if (channel is not null && (channel.Length is 0 or > 64 || !channel.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException("The channel must be 1 to 64 lower-case letters a-z, digits, '-', '_' and '.'.", nameof(channel));
        if (note is { Length: > 1_000 })
            throw new ArgumentException("The note must be at most 1,000 characters.", nameof(note));
        if (!Enum.IsDefined(priority))
            throw new ArgumentException($"Priority {(int)priority} is not a known priority.", nameof(priority));
        if (_items.Count >= Limit)
            throw new InvalidOperationException($"A care script may propose at most {Limit} actions per customer.");
        _items.Add(new CareProposal(occasion, due ?? _now, channel, priority, note));
    }

    /// <summary>How many actions were proposed so far.</summary>
    public int Count => _items.Count;

    internal IReadOnlyList<CareProposal> Items => _items;
}
