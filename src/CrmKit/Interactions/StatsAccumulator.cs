namespace CrmKit;

/// <summary>
/// Folds interactions into <see cref="CustomerStats"/>. The same fold serves the incremental
/// upkeep on each write and the rebuild from the log, so the two cannot drift apart as long as
/// the log is replayed in recording order (ties keep the first-recorded instant).
/// </summary>
internal sealed class StatsAccumulator
{
    private readonly CrmOptions _options;
    private readonly SortedDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byChannel = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, DateTimeOffset> _lastByKind = new(StringComparer.Ordinal);
    private int _interactions;
    private int _purchases;
    private decimal _monetary;
    private DateTimeOffset? _firstPurchase;
    private DateTimeOffset? _lastPurchase;
    private DateTimeOffset? _lastContact;

    internal StatsAccumulator(CrmOptions options, CustomerStats start)
    {
        _options = options;
        _interactions = start.InteractionCount;
        _purchases = start.PurchaseCount;
        _monetary = start.MonetaryTotal;
        _firstPurchase = start.FirstPurchaseAt;
        _lastPurchase = start.LastPurchaseAt;
        _lastContact = start.LastContactAt;
        foreach (var (k, n) in start.CountsByKind) _byKind[k] = n;
        foreach (var (c, n) in start.CountsByChannel) _byChannel[c] = n;
        foreach (var (k, at) in start.LastByKind) _lastByKind[k] = at;
    }

    internal void Add(Interaction interaction)
    {
        _interactions++;
        Increment(_byKind, interaction.Kind.Name);
        Increment(_byChannel, interaction.Channel.Name);
        var at = interaction.OccurredAt;
        if (_lastContact is null || at.UtcTicks > _lastContact.Value.UtcTicks) _lastContact = at;
        if (!_lastByKind.TryGetValue(interaction.Kind.Name, out var lastOfKind) || at.UtcTicks > lastOfKind.UtcTicks)
            _lastByKind[interaction.Kind.Name] = at;

        if (_options.PurchaseKinds.Contains(interaction.Kind))
        {
            _purchases++;
            _monetary += interaction.Amount ?? 0m;
            if (_firstPurchase is null || at.UtcTicks < _firstPurchase.Value.UtcTicks) _firstPurchase = at;
            if (_lastPurchase is null || at.UtcTicks > _lastPurchase.Value.UtcTicks) _lastPurchase = at;
        }
        else if (_options.RefundKinds.Contains(interaction.Kind))
        {
            _monetary += interaction.Amount ?? 0m;
        }
    }

    internal CustomerStats ToStats() => new()
    {
        InteractionCount = _interactions,
        PurchaseCount = _purchases,
        MonetaryTotal = _monetary,
        FirstPurchaseAt = _firstPurchase,
        LastPurchaseAt = _lastPurchase,
        LastContactAt = _lastContact,
        CountsByKind = SortedFigures<int>.From(_byKind),
        CountsByChannel = SortedFigures<int>.From(_byChannel),
        LastByKind = SortedFigures<DateTimeOffset>.From(_lastByKind),
    };

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
