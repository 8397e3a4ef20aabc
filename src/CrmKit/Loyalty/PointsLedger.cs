using System.Collections.Immutable;

namespace CrmKit.Loyalty;

/// <summary>
/// One customer's points ledger: the recorded entries, the balance (their sum) and the open lots
/// of earned points not yet spent or expired. Immutable: every operation returns a new ledger
/// with the entries it appended, and a refused operation leaves the ledger as it was.
/// </summary>
/// <remarks>
/// <para>Points are whole numbers (<see cref="long"/>): rewards are counted in whole points, and
/// rounding happens once, where an earn rule turns an amount into points.</para>
/// <para>Entries are appended in time order. Before each operation at an instant, the expiries
/// due by then are appended at the instants the lots' validity ended, so the entries are the
/// same however often, and at whichever instants, the ledger was brought up to date.</para>
/// <para>Spending (a redemption or a negative adjustment) takes the oldest lots first, so the
/// points that expire are what is left of the oldest earnings (first in, first out).</para>
/// </remarks>
internal sealed class PointsLedger
{
    private readonly ImmutableList<LedgerEntry> _entries;
    private readonly ImmutableList<Lot> _lots;
    private readonly ImmutableHashSet<(string Rule, PointsSourceKind Kind, string Reference)> _credited;

    private PointsLedger(CustomerCode customer, PointsExpiry expiry, ImmutableList<LedgerEntry> entries, ImmutableList<Lot> lots,
        ImmutableHashSet<(string, PointsSourceKind, string)> credited, long balance)
    {
        Customer = customer;
        Expiry = expiry;
        _entries = entries;
        _lots = lots;
        _credited = credited;
        Balance = balance;
    }

    /// <summary>An open lot: what is left of one earning, and when it expires.</summary>
    internal readonly record struct Lot(long Sequence, DateTimeOffset EarnedAt, DateTimeOffset? ExpiresAt, long Remaining);

    /// <summary>Whose ledger it is.</summary>
    public CustomerCode Customer { get; }

    /// <summary>How long earned points stay valid.</summary>
    public PointsExpiry Expiry { get; }

    /// <summary>The entries in recording order.</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>The sum of the entries' points; never negative.</summary>
    public long Balance { get; }

    /// <summary>The open lots, oldest first; their remaining points add up to <see cref="Balance"/>.</summary>
    public IReadOnlyList<Lot> Lots => _lots;

    /// <summary>When the last entry took effect; null for an empty ledger.</summary>
    public DateTimeOffset? LastAt => _entries.Count == 0 ? null : _entries[^1].At;

    /// <summary>An empty ledger.</summary>
    public static PointsLedger Empty(CustomerCode customer, PointsExpiry expiry)
    {
        if (customer == default) throw new CrmValidationException("customer", "is required but was empty.");
        ArgumentNullException.ThrowIfNull(expiry);
        return new(customer, expiry, [], [], [], 0);
    }

    /// <summary>Rebuilds a ledger from its recorded entries, checking that they form one.</summary>
    /// <exception cref="CrmValidationException">The entries are out of order, belong to another customer, or do not add up (an expiry of an unknown lot, spending below zero).</exception>
    public static PointsLedger Replay(CustomerCode customer, PointsExpiry expiry, IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ledger = Empty(customer, expiry);
        foreach (var entry in entries)
        {
            try
            {
                ledger = ledger.Append(entry);
            }
            catch (InsufficientPointsException e)
            {
                throw new CrmValidationException($"entries[{entry.Sequence}]", e.Message);
            }
        }
        return ledger;
    }

    /// <summary>True when <paramref name="rule"/> already credited <paramref name="source"/> on this ledger.</summary>
    public bool HasCredited(string rule, PointsSource source) => _credited.Contains((rule, source.Kind, source.Reference));

    /// <summary>The balance at <paramref name="now"/>, after the expiries due by then; records nothing.</summary>
    public long BalanceAt(DateTimeOffset now) => ExpireDue(now).Ledger.Balance;

    /// <summary>Appends the expiries due at or before <paramref name="now"/>, each at the instant its lot expired.</summary>
    /// <exception cref="CrmValidationException"><paramref name="now"/> is before the last entry.</exception>
    public LedgerUpdate ExpireDue(DateTimeOffset now)
    {
        CheckOrder(now);
        var ledger = this;
        var added = new List<LedgerEntry>();
        foreach (var lot in _lots.Where(l => l.ExpiresAt <= now).OrderBy(l => l.ExpiresAt!.Value.UtcTicks).ThenBy(l => l.Sequence))
        {
            var entry = new LedgerEntry(Customer, ledger.NextSequence, LedgerEntryKind.Expired, -lot.Remaining, lot.ExpiresAt!.Value,
                PointsSource.Expiry(lot.Sequence), "loyalty-expiry");
            ledger = ledger.Append(entry);
            added.Add(entry);
        }
        return new(ledger, added);
    }

    /// <summary>
    /// Credits points a rule awarded, once per rule and source: a second award for the same
    /// purchase, referral or occasion by the same rule appends no points.
    /// </summary>
    /// <exception cref="CrmValidationException">A value is invalid, the source is a manual one, or <paramref name="at"/> is before the last entry.</exception>
    public LedgerUpdate Earn(long points, DateTimeOffset at, PointsSource source, string rule, string actor, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == PointsSourceKind.Manual) throw new CrmValidationException("source", "a manual grant has no rule; use Grant.");
        var due = ExpireDue(at);
        if (due.Ledger.HasCredited(rule, source)) return due with { AlreadyCredited = true };
        return due.Ledger.Then(due.Added, new(Customer, due.Ledger.NextSequence, LedgerEntryKind.Earned, points, at, source, actor, rule, note));
    }

    /// <summary>Grants points by hand: an earned entry with a manual source.</summary>
    /// <exception cref="CrmValidationException">A value is invalid or <paramref name="at"/> is before the last entry.</exception>
    public LedgerUpdate Grant(long points, DateTimeOffset at, string reason, string actor, string? note = null)
    {
        var due = ExpireDue(at);
        return due.Ledger.Then(due.Added, new(Customer, due.Ledger.NextSequence, LedgerEntryKind.Earned, points, at, PointsSource.Manual(reason), actor, null, note));
    }

    /// <summary>Spends <paramref name="points"/> on <paramref name="reward"/>, oldest lots first.</summary>
    /// <exception cref="InsufficientPointsException">The balance at <paramref name="at"/>, after the expiries due by then, is smaller than <paramref name="points"/>; nothing was recorded.</exception>
    /// <exception cref="CrmValidationException">The points are not positive, a text is invalid, or <paramref name="at"/> is before the last entry.</exception>
    public LedgerUpdate Redeem(long points, DateTimeOffset at, string reward, string actor, string? note = null)
    {
        if (points is < 1 or > LedgerEntry.MaxPoints) throw new CrmValidationException("points", $"{points} is not between 1 and {LedgerEntry.MaxPoints}.");
        var due = ExpireDue(at);
        return due.Ledger.Then(due.Added, new(Customer, due.Ledger.NextSequence, LedgerEntryKind.Redeemed, -points, at, PointsSource.Redemption(reward), actor, null, note));
    }

    /// <summary>Corrects the balance by hand, either way; a positive adjustment is a lot that expires like earned points.</summary>
    /// <exception cref="InsufficientPointsException">A negative adjustment is larger than the balance at <paramref name="at"/>; nothing was recorded.</exception>
    /// <exception cref="CrmValidationException">The points are zero, a text is invalid, or <paramref name="at"/> is before the last entry.</exception>
    public LedgerUpdate Adjust(long points, DateTimeOffset at, string reason, string actor, string? note = null)
    {
        var due = ExpireDue(at);
        return due.Ledger.Then(due.Added, new(Customer, due.Ledger.NextSequence, LedgerEntryKind.Adjusted, points, at, PointsSource.Manual(reason), actor, null, note));
    }

    private long NextSequence => _entries.Count + 1;

    private LedgerUpdate Then(IReadOnlyList<LedgerEntry> added, LedgerEntry entry) => new(Append(entry), [.. added, entry]);

    private void CheckOrder(DateTimeOffset at)
    {
        Require.Instant(at, "at");
        if (LastAt is { } last && at < last)
            throw new CrmValidationException("at", $"{at:o} is before the ledger's last entry at {last:o}; entries are appended in time order.");
    }

    /// <summary>Appends one entry, updating the lots; the checks every operation and a replay share.</summary>
    private PointsLedger Append(LedgerEntry entry)
    {
        if (entry.Customer != Customer) throw new CrmValidationException("customer", $"entry {entry.Sequence} belongs to '{entry.Customer}', not '{Customer}'.");
        if (entry.Sequence != NextSequence) throw new CrmValidationException("sequence", $"{entry.Sequence} does not follow {_entries.Count}.");
        CheckOrder(entry.At);
        var lots = _lots;
        var credited = _credited;
        if (entry.Points > 0)
        {
            lots = lots.Add(new Lot(entry.Sequence, entry.At, Expiry.ExpiresAt(entry.At), entry.Points));
            if (entry.Rule is { } rule)
            {
                var key = (rule, entry.Source.Kind, entry.Source.Reference);
                if (credited.Contains(key)) throw new CrmValidationException("source", $"rule '{rule}' already credited '{entry.Source}'.");
                credited = credited.Add(key);
            }
        }
        else if (entry.Kind == LedgerEntryKind.Expired)
        {
            var index = lots.FindIndex(l => l.Sequence == entry.Source.Lot);
            if (index < 0 || lots[index].Remaining != -entry.Points)
                throw new CrmValidationException("points", $"entry {entry.Sequence} expires {-entry.Points} points of entry {entry.Source.Lot}, which has {(index < 0 ? 0 : lots[index].Remaining)} open.");
            lots = lots.RemoveAt(index);
        }
        else
        {
            var take = -entry.Points;
            if (take > Balance) throw new InsufficientPointsException(Customer, Balance, take);
            while (take > 0)
            {
                var oldest = lots[0];
                var used = Math.Min(take, oldest.Remaining);
                lots = used == oldest.Remaining ? lots.RemoveAt(0) : lots.SetItem(0, oldest with { Remaining = oldest.Remaining - used });
                take -= used;
            }
        }
        return new(Customer, Expiry, _entries.Add(entry), lots, credited, checked(Balance + entry.Points));
    }
}
