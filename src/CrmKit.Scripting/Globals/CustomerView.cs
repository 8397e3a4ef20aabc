using System.Globalization;
using System.Runtime.CompilerServices;

namespace CrmKit.Scripting;

/// <summary>
/// The read-only view of one customer that a script sees as <c>Customer</c>: profile, typed
/// attributes, tags, contact points, consents, lifecycle stage and stats, and, when the host loads
/// them, interaction metadata, memberships of other segments and open care tasks.
/// </summary>
/// <remarks>
/// Constructing a view costs one small object: it keeps references to the customer's values and
/// stats and computes each answer when asked. A view is immutable and safe to share between
/// threads. Scripts cannot change what it shows: the sandbox refuses casts and type tests to
/// mutable collections, and a script evaluated in a worker process sees the worker's own copy.
/// </remarks>
public sealed class CustomerView
{
    private readonly string _code;
    private readonly string _name;
    private readonly IReadOnlyList<string> _tags;
    private readonly IReadOnlyDictionary<string, AttributeValue> _attributes;
    private readonly IReadOnlyList<ContactPoint> _contacts;
    private readonly IReadOnlyDictionary<Channel, Consent> _consents;
    private readonly CustomerGroup? _group;
    private readonly CrmKit.Value.CustomerValue? _value;
    private readonly ViewExtras _extras = ViewExtras.Empty;

    /// <summary>Creates the view of <paramref name="customer"/> with its <paramref name="stats"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CustomerView(Customer customer, CustomerStats stats)
        : this(customer, stats, null)
    {
    }

    /// <summary>Creates the view with the customer's figures from the latest stored value fit, if any.</summary>
    /// <exception cref="ArgumentNullException">The customer or stats are null.</exception>
    public CustomerView(Customer customer, CustomerStats stats, CrmKit.Value.CustomerValue? value)
    {
        ArgumentNullException.ThrowIfNull(customer);
        _code = customer.Code.ToString();
        _name = customer.Name;
        _tags = customer.Tags;
        _attributes = customer.Attributes;
        _contacts = customer.ContactPoints;
        _consents = customer.Consents;
        _group = customer.Group;
        Grade = customer.Grade;
        GradeReviewedAt = customer.GradeReviewedAt;
        Owner = customer.Owner;
        Stage = customer.Stage.Name;
        StageSince = customer.StageSince;
        Birthday = customer.Birthday;
        TimeZone = customer.TimeZone;
        CreatedAt = customer.CreatedAt;
        Stats = stats ?? throw new ArgumentNullException(nameof(stats));
        _value = value;
    }

    /// <summary>
    /// Creates the view of a snapshot as refreshes and sweeps load it: the profile, stats and value
    /// figures, and whatever else the snapshot carries (interaction metadata, segment memberships,
    /// open tasks; see <see cref="SnapshotNeeds"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public CustomerView(CustomerSnapshot snapshot)
        : this((snapshot ?? throw new ArgumentNullException(nameof(snapshot))).Customer, snapshot.Stats, snapshot.Value)
    {
        _extras = ViewExtras.Of(snapshot);
    }

    /// <summary>A view from its parts, as a worker process reads it from the host.</summary>
    internal CustomerView(CustomerParts parts)
    {
        _code = parts.Code;
        _name = parts.Name;
        _tags = parts.Tags;
        _attributes = parts.Attributes;
        _contacts = parts.ContactPoints;
        _consents = parts.Consents;
        _group = parts.Group;
        Grade = parts.Grade;
        Owner = parts.Owner;
        Stage = parts.Stage;
        StageSince = parts.StageSince;
        Birthday = parts.Birthday;
        TimeZone = parts.TimeZone;
        CreatedAt = parts.CreatedAt;
        Stats = parts.Stats;
        _value = parts.Value;
        _extras = parts.Extras;
        GradeReviewedAt = parts.GradeReviewedAt;
    }

    /// <summary>The view's parts, as the host sends them to a worker process.</summary>
    internal CustomerParts Parts => new(_code, _name, _tags, _attributes, _contacts, _consents, _group, Grade, Owner,
        Stage, StageSince, Birthday, TimeZone, CreatedAt, Stats, _value)
    {
        Extras = _extras,
        GradeReviewedAt = GradeReviewedAt,
    };

    /// <summary>Probability (0 to 1) that the customer is still active, from the latest value fit; null before a fit.</summary>
    public double? ProbabilityAlive => _value?.ProbabilityAlive;

    /// <summary>Expected purchases in the next period of the latest value fit (90 days by default); null before a fit.</summary>
    public double? ExpectedPurchases => _value?.ExpectedPurchasesNextPeriod;

    /// <summary>Expected spend per purchase from the latest value fit; null before a fit.</summary>
    public decimal? ExpectedSpend => _value?.ExpectedSpend;

    /// <summary>Discounted lifetime value over the fit's horizon; null before a fit.</summary>
    public decimal? LifetimeValue => _value?.LifetimeValue;

    /// <summary>The value tier name from the latest fit (for example <c>platinum</c>); null before a fit.</summary>
    public string? ValueTier => _value?.Tier.Name;

    /// <summary>The value quadrant from the latest fit (<c>Keep</c>, <c>Grow</c>, <c>Nurture</c>, <c>ServeAtLowerCost</c>); null before a fit.</summary>
    public string? ValueQuadrant => _value?.Quadrant.ToString();

    /// <summary>The RFM score as three digits 1–5 (recency, frequency, monetary), for example <c>"545"</c>; null before a fit.</summary>
    public string? Rfm => _value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Rfm.Recency}{v.Rfm.Frequency}{v.Rfm.Monetary}") : null;

    /// <summary>The unique customer code.</summary>
    public string Code => _code;

    /// <summary>The display name.</summary>
    public string Name => _name;

    /// <summary>The customer's tags, in ordinal order without duplicates.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>True when the customer carries <paramref name="tag"/> (ordinal, case-sensitive).</summary>
    public bool HasTag(string tag)
    {
        // Tags are usually held in an array: walk it directly instead of through the list interface.
        if (_tags.GetType() == typeof(string[]))
        {
            var tags = Unsafe.As<string[]>(_tags);
            foreach (var t in tags)
                if (string.Equals(t, tag)) return true;
            return false;
        }
        return _tags.Contains(tag, StringComparer.Ordinal);
    }

    /// <summary>True when the customer has a value for the attribute <paramref name="name"/>.</summary>
    public bool Has(string name) => _attributes.ContainsKey(name);

    /// <summary>The text attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public string? Text(string name) => Get(name, AttributeType.Text)?.AsText();

    /// <summary>The whole-number attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public long? Integer(string name) => Get(name, AttributeType.Integer)?.AsInteger();

    /// <summary>The decimal attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public decimal? Decimal(string name) => Get(name, AttributeType.Decimal)?.AsDecimal();

    /// <summary>The true/false attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public bool? Boolean(string name) => Get(name, AttributeType.Boolean)?.AsBoolean();

    /// <summary>The date attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public DateOnly? Date(string name) => Get(name, AttributeType.Date)?.AsDate();

    /// <summary>The instant attribute <paramref name="name"/>, or null when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public DateTimeOffset? Instant(string name) => Get(name, AttributeType.Instant)?.AsInstant();

    /// <summary>The text-list attribute <paramref name="name"/>, or an empty list when the customer has none.</summary>
    /// <exception cref="InvalidOperationException">The attribute holds another type.</exception>
    public IReadOnlyList<string> TextList(string name) => Get(name, AttributeType.TextList)?.AsTextList() ?? [];

    /// <summary>The customer's contact points (phone, email, messaging handle, address…).</summary>
    public IReadOnlyList<ContactPoint> ContactPoints => _contacts;

    /// <summary>The first contact point of <paramref name="kind"/> (for example <c>email</c>), or null.</summary>
    public string? Contact(string kind)
    {
        foreach (var point in _contacts)
            if (string.Equals(point.Kind, kind, StringComparison.Ordinal)) return point.Value;
        return null;
    }

    /// <summary>
    /// True when the customer granted consent on <paramref name="channel"/> (for example <c>sms</c>)
    /// and did not withdraw it. No recorded consent means false: opt-out always wins.
    /// </summary>
    public bool CanContact(string channel)
    {
        // Consents are usually held in a Dictionary: enumerate it without the interface's boxed enumerator.
        if (_consents.GetType() == typeof(Dictionary<Channel, Consent>))
        {
            var consents = Unsafe.As<Dictionary<Channel, Consent>>(_consents);
            foreach (var (key, consent) in consents)
                if (string.Equals(key.Name, channel, StringComparison.Ordinal)) return consent.Granted;
            return false;
        }
        foreach (var (key, consent) in _consents)
            if (string.Equals(key.Name, channel, StringComparison.Ordinal)) return consent.Granted;
        return false;
    }

    /// <summary>The customer's grade, or null when ungraded.</summary>
    public string? Grade { get; }

    /// <summary>When the grade was last assigned or confirmed by a review; null when the customer has never been graded.</summary>
    public DateTimeOffset? GradeReviewedAt { get; }

    /// <summary>How long before <paramref name="now"/> the grade was last assigned or reviewed; null when never graded.</summary>
    public TimeSpan? GradeAge(DateTimeOffset now) => GradeReviewedAt is { } at ? now - at : null;

    /// <summary>How many care tasks are open for the customer (loaded when the script reads open tasks).</summary>
    public int OpenTasks => _extras.OpenTaskCount;

    /// <summary>How many care tasks proposed by <paramref name="rule"/> (for example <c>birthday</c>) are open for the customer.</summary>
    public int OpenTasksOf(string rule) => _extras.OpenTasks.TryGetValue(rule, out var n) ? n : 0;

    /// <summary>
    /// True when the customer is a member of segment <paramref name="name"/> as of that segment's
    /// last refresh. Refreshing every segment refreshes the segments a script reads before the script's own.
    /// </summary>
    public bool InSegment(string name) => _extras.Segments.Contains(name);

    /// <summary>
    /// The value of metadata key <paramref name="key"/> on the latest interaction of
    /// <paramref name="kind"/> that carries it (for example <c>Customer.Last("survey", "nps")</c>), or null.
    /// </summary>
    public string? Last(string kind, string key)
    {
        var annotations = _extras.Annotations;
        for (var i = annotations.Count - 1; i >= 0; i--)
        {
            var a = annotations[i];
            if (string.Equals(a.Kind, kind, StringComparison.Ordinal) && a.Metadata.TryGetValue(key, out var value)) return value;
        }
        return null;
    }

    /// <summary>
    /// <see cref="Last"/> read as a number (invariant culture, for example <c>9</c> or <c>7.5</c>);
    /// null when there is none or it is not a number.
    /// </summary>
    public decimal? LastNumber(string kind, string key) => ViewExtras.Number(Last(kind, key));

    /// <summary>
    /// How many interactions of <paramref name="kind"/> that occurred from <paramref name="from"/>
    /// (inclusive) to <paramref name="to"/> (exclusive; no end when null) carry a number under
    /// <paramref name="key"/>.
    /// </summary>
    public int Count(string kind, string key, DateTimeOffset from, DateTimeOffset? to = null) => _extras.Numbers(kind, key, from, to).Count;

    /// <summary>
    /// The sum of the numbers under <paramref name="key"/> on the interactions of <paramref name="kind"/>
    /// that occurred from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive; no
    /// end when null); 0 when there are none. Values that are not numbers are left out.
    /// </summary>
    public decimal Sum(string kind, string key, DateTimeOffset from, DateTimeOffset? to = null) => _extras.Numbers(kind, key, from, to).Sum;

    /// <summary>The responsible account manager, or null.</summary>
    public string? Owner { get; }

    /// <summary>The household or company id the customer buys with, or null.</summary>
    public string? GroupId => _group?.Id;

    /// <summary>True when the customer belongs to a household.</summary>
    public bool InHousehold => _group?.Kind == CustomerGroupKind.Household;

    /// <summary>True when the customer belongs to a company.</summary>
    public bool InCompany => _group?.Kind == CustomerGroupKind.Company;

    /// <summary>The current lifecycle stage name (for example <c>mature</c>); empty when unset.</summary>
    public string Stage { get; }

    /// <summary>When the customer entered <see cref="Stage"/>.</summary>
    public DateTimeOffset StageSince { get; }

    /// <summary>The customer's birthday, or null when unknown.</summary>
    public DateOnly? Birthday { get; }

    /// <summary>The customer's IANA time zone id, or null (meaning UTC).</summary>
    public string? TimeZone { get; }

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The figures derived from the customer's interactions.</summary>
    public CustomerStats Stats { get; }

    /// <summary>Time since the last purchase at <paramref name="now"/>, or null without purchases.</summary>
    public TimeSpan? Recency(DateTimeOffset now) => Stats.Recency(now);

    /// <summary>Repeat purchases: purchases after the first.</summary>
    public int Frequency => Stats.Frequency;

    /// <summary>Sum of purchase amounts less refunds.</summary>
    public decimal MonetaryTotal => Stats.MonetaryTotal;

    /// <summary>Average spend per purchase, or null without purchases.</summary>
    public decimal? AverageSpend => Stats.AverageSpend;

    /// <summary>How many interactions of <paramref name="kind"/> (for example <c>complaint</c>) the customer has.</summary>
    public int CountOfKind(string kind) => Stats.CountsByKind.TryGetValue(kind, out var n) ? n : 0;

    /// <summary>When the latest interaction of <paramref name="kind"/> (for example <c>competitor-call</c>) happened, or null when there was none.</summary>
    public DateTimeOffset? LastOfKind(string kind) => Stats.LastByKind.TryGetValue(kind, out var at) ? at : null;

    /// <summary>How many interactions happened on <paramref name="channel"/> (for example <c>store</c>).</summary>
    public int CountOnChannel(string channel) => Stats.CountsByChannel.TryGetValue(channel, out var n) ? n : 0;

    /// <summary>
    /// <paramref name="instant"/> in the customer's time zone (UTC when none is set or the id is unknown
    /// on this machine).
    /// </summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) =>
        TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? TimeZoneInfo.ConvertTime(instant, zone)
            : instant.ToUniversalTime();

    /// <summary>The next birthday on or after the date of <paramref name="now"/> in the customer's time zone, or null when unknown.</summary>
    /// <remarks>A 29 February birthday falls on 28 February in common years.</remarks>
    public DateOnly? NextBirthday(DateTimeOffset now)
    {
        if (Birthday is not { } birthday) return null;
        var today = DateOnly.FromDateTime(LocalTime(now).DateTime);
        var next = OnYear(birthday, today.Year);
        return next >= today ? next : OnYear(birthday, today.Year + 1);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} {Name}");

    private static DateOnly OnYear(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));

    private AttributeValue? Get(string name, AttributeType expected)
    {
        // Attributes are usually held in a Dictionary: look it up directly rather than through the
        // interface (script code is compiled once, fully optimised, without the runtime's profile of
        // which type sits behind an interface, so it cannot devirtualise the call itself).
        AttributeValue? value;
        if (_attributes.GetType() == typeof(Dictionary<string, AttributeValue>))
        {
            var attributes = Unsafe.As<Dictionary<string, AttributeValue>>(_attributes);
            if (!attributes.TryGetValue(name, out value)) return null;
        }
        else if (!_attributes.TryGetValue(name, out value)) return null;
        if (value.Type != expected)
            throw new InvalidOperationException($"Attribute '{name}' holds {value.Type}, not {expected}.");
        return value;
    }
}
