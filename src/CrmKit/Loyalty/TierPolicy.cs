namespace CrmKit.Loyalty;

/// <summary>
/// How membership tiers follow from points: the tiers, which points count (<see cref="TierBasis"/>),
/// and the grace before a move down. A customer moves up the moment their points qualify for a
/// higher tier; they move down only once their points have stayed below their tier for the whole
/// <see cref="DowngradeGrace"/>, and then to the tier their points qualify for at that moment.
/// Immutable, valid once constructed.
/// </summary>
public sealed class TierPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="tiers">The tiers; sorted by <see cref="MembershipTier.From"/>, which must differ, as must the names.</param>
    /// <param name="basis">Which points count.</param>
    /// <param name="window">For <see cref="TierBasis.EarnedInWindow"/>, how far back earned points count (they drop out at earned instant + window); null for the other bases.</param>
    /// <param name="downgradeGrace">How long points must stay below a tier before the customer moves down; zero (the default) moves down at once.</param>
    /// <exception cref="CrmValidationException">No tiers, a name or threshold used twice, a window missing or given where it does not belong, or a negative grace.</exception>
    public TierPolicy(IEnumerable<MembershipTier> tiers, TierBasis basis = TierBasis.Balance, TimeSpan? window = null, TimeSpan? downgradeGrace = null)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var list = tiers.Select((t, i) => t ?? throw new CrmValidationException($"tiers[{i}]", "is null.")).OrderBy(t => t.From).ToArray();
        if (list.Length == 0) throw new CrmValidationException("tiers", "are empty; a policy needs at least one tier.");
        if (list.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1) is { } name) throw new CrmValidationException("tiers", $"name '{name.Key}' is used twice.");
        if (list.GroupBy(t => t.From).FirstOrDefault(g => g.Count() > 1) is { } from) throw new CrmValidationException("tiers", $"{from.Key} points start more than one tier.");
        if (!Enum.IsDefined(basis)) throw new CrmValidationException("basis", $"{(int)basis} is not a tier basis.");
        if (basis == TierBasis.EarnedInWindow && window is not { } w)
            throw new CrmValidationException("window", "is required for the basis EarnedInWindow.");
        if (basis != TierBasis.EarnedInWindow && window is not null)
            throw new CrmValidationException("window", $"is given, but the basis {basis} has no window.");
        if (window is { } span && (span <= TimeSpan.Zero || span > TimeSpan.FromDays(36_525)))
            throw new CrmValidationException("window", $"{span} is not between a tick and 100 years.");
        var grace = downgradeGrace ?? TimeSpan.Zero;
        if (grace < TimeSpan.Zero || grace > TimeSpan.FromDays(36_525)) throw new CrmValidationException("downgradeGrace", $"{grace} is not between zero and 100 years.");
        Tiers = list;
        Basis = basis;
        Window = window;
        DowngradeGrace = grace;
    }

    /// <summary>The tiers, lowest first.</summary>
    public IReadOnlyList<MembershipTier> Tiers { get; }

    /// <summary>Which points count.</summary>
    public TierBasis Basis { get; }

    /// <summary>For <see cref="TierBasis.EarnedInWindow"/>, how far back earned points count; otherwise null.</summary>
    public TimeSpan? Window { get; }

    /// <summary>How long points must stay below a tier before the customer moves down.</summary>
    public TimeSpan DowngradeGrace { get; }

    /// <summary>The highest tier <paramref name="points"/> qualify for, or null below the first.</summary>
    public MembershipTier? For(long points) => Tiers.LastOrDefault(t => t.From <= points);

    /// <summary>A tier's rank: 0 for none, 1 for the lowest tier, and so on.</summary>
    internal int Rank(MembershipTier? tier) => tier is null ? 0 : IndexOf(tier) + 1;

    private int IndexOf(MembershipTier tier)
    {
        for (var i = 0; i < Tiers.Count; i++)
            if (Tiers[i].Name == tier.Name) return i;
        return -1;
    }
}
