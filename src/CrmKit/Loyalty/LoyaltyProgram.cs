namespace CrmKit.Loyalty;

/// <summary>
/// A loyalty programme: the earn rules, how long points stay valid, and the membership tiers.
/// Immutable, valid once constructed.
/// </summary>
public sealed class LoyaltyProgram
{
    /// <summary>Creates a programme.</summary>
    /// <param name="rules">The earn rules, asked in order about every recorded interaction.</param>
    /// <param name="expiry">How long earned points stay valid; <see cref="PointsExpiry.Never"/> when null.</param>
    /// <param name="tiers">The membership tiers, or null for a programme without tiers.</param>
    /// <exception cref="CrmValidationException">A rule is null, or two rules share a name.</exception>
    public LoyaltyProgram(IEnumerable<IEarnRule> rules, PointsExpiry? expiry = null, TierPolicy? tiers = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.Select((r, i) => r ?? throw new CrmValidationException($"rules[{i}]", "is null.")).ToArray();
        for (var i = 0; i < list.Length; i++) Require.Identifier(list[i].Name, $"rules[{i}].name");
        if (list.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CrmValidationException("rules", $"name '{twice.Key}' is used by more than one rule.");
        Rules = list;
        Expiry = expiry ?? PointsExpiry.Never;
        Tiers = tiers;
    }

    /// <summary>The earn rules, in the order they are asked.</summary>
    public IReadOnlyList<IEarnRule> Rules { get; }

    /// <summary>How long earned points stay valid.</summary>
    public PointsExpiry Expiry { get; }

    /// <summary>The membership tiers, or null.</summary>
    public TierPolicy? Tiers { get; }

    /// <summary>
    /// Credits what the rules award for <paramref name="context"/>'s interaction, at
    /// <paramref name="now"/> (the instant the interaction is recorded), to each beneficiary's
    /// ledger. Awards a ledger already holds are skipped, so asking twice credits once. Pure: it
    /// returns the updated ledgers and appended entries, and writes nothing. A rule that throws
    /// fails the whole call, so the caller records all of an interaction's points or none.
    /// </summary>
    /// <param name="context">The interaction and what is known about it.</param>
    /// <param name="ledgerOf">The current ledger of a beneficiary.</param>
    /// <param name="now">When the points are credited.</param>
    /// <param name="actor">Who is recorded as crediting them.</param>
    internal IReadOnlyDictionary<CustomerCode, LedgerUpdate> Credit(EarnContext context, Func<CustomerCode, PointsLedger> ledgerOf, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ledgerOf);
        var updates = new Dictionary<CustomerCode, LedgerUpdate>();
        foreach (var rule in Rules)
        {
            foreach (var award in rule.Award(context))
            {
                ArgumentNullException.ThrowIfNull(award);
                var ledger = updates.TryGetValue(award.Beneficiary, out var so) ? so.Ledger : ledgerOf(award.Beneficiary);
                if (ledger.Customer != award.Beneficiary)
                    throw new CrmValidationException("ledgerOf", $"returned the ledger of '{ledger.Customer}' for '{award.Beneficiary}'.");
                var update = ledger.Earn(award.Points, now, award.Source, rule.Name, actor);
                updates[award.Beneficiary] = so is null ? update : new(update.Ledger, [.. so.Added, .. update.Added], so.AlreadyCredited && update.AlreadyCredited);
            }
        }
        return updates;
    }
}
