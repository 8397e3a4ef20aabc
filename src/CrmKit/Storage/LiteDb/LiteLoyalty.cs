using CrmKit.Loyalty;
using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Loyalty in the embedded store: one document per ledger entry (customer <c>c</c>, sequence
/// <c>n</c>, kind <c>k</c>, points <c>p</c>, instant <c>at</c>, source kind <c>sk</c> and reference
/// <c>sr</c>, actor <c>a</c>, rule <c>r</c>, note <c>x</c>), and one per referral keyed by the
/// referred code (referrer <c>by</c>, instant <c>at</c>, staff <c>s</c>).
/// </summary>
internal sealed class LiteLoyalty(LiteSession session) : ILoyaltyStore
{
    private LiteStore Store => session.Store;

    public ValueTask<IReadOnlyList<LedgerEntry>> EntriesOfAsync(CustomerCode customer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<LedgerEntry>>([.. Documents(customer).Select(ToEntry)]);

    public ValueTask AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        LedgerChecks.Continues(entries, c => Documents(c).Select(d => d["n"].AsInt64).DefaultIfEmpty(0).Max());
        foreach (var entry in entries)
        {
            Store.LedgerEntries.Insert(ToBson(entry));
            Store.Touch(entry.Customer.Value);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ReplaceAsync(CustomerCode customer, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        LedgerChecks.Whole(customer, entries);
        Store.LedgerEntries.DeleteMany(Where.Eq("c", customer.Value));
        foreach (var entry in entries) Store.LedgerEntries.Insert(ToBson(entry));
        Store.Touch(customer.Value);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CustomerCode>> LedgerCustomersAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<CustomerCode>>([.. Store.LedgerEntries.FindAll().Select(d => d["c"].AsString).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(c => new CustomerCode(c))]);

    public ValueTask<bool> AddReferralAsync(Referral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        session.RequireWrite();
        if (Store.Referrals.FindById(referral.Referred.Value) is not null) return Completed.Value(false);
        Store.Referrals.Insert(new BsonDocument
        {
            ["_id"] = referral.Referred.Value,
            ["by"] = referral.Referrer.Value,
            ["at"] = Bson.Instant(referral.At),
            ["s"] = Bson.Text(referral.Staff),
        });
        return Completed.Value(true);
    }

    public ValueTask<Referral?> ReferralOfAsync(CustomerCode referred, CancellationToken cancellationToken) =>
        Completed.Value(Store.Referrals.FindById(referred.Value) is { } doc ? ToReferral(doc) : null);

    public ValueTask<IReadOnlyList<Referral>> ReferralsByAsync(CustomerCode referrer, CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<Referral>>([.. Store.Referrals.Find(Where.Eq("by", referrer.Value)).Select(ToReferral)
            .OrderBy(r => r.Referred.Value, StringComparer.Ordinal)]);

    public ValueTask<IReadOnlyList<Referral>> AllReferralsAsync(CancellationToken cancellationToken) =>
        Completed.Value<IReadOnlyList<Referral>>([.. Store.Referrals.FindAll().Select(ToReferral).OrderBy(r => r.Referred.Value, StringComparer.Ordinal)]);

    public ValueTask<bool> RemoveReferralAsync(CustomerCode referred, CancellationToken cancellationToken)
    {
        session.RequireWrite();
        return Completed.Value(Store.Referrals.Delete(referred.Value));
    }

    private IEnumerable<BsonDocument> Documents(CustomerCode customer) =>
        Store.LedgerEntries.Find(Where.Eq("c", customer.Value)).OrderBy(d => d["n"].AsInt64);

    private static BsonDocument ToBson(LedgerEntry e) => new()
    {
        ["c"] = e.Customer.Value,
        ["n"] = e.Sequence,
        ["k"] = e.Kind.ToString(),
        ["p"] = e.Points,
        ["at"] = Bson.Instant(e.At),
        ["sk"] = e.Source.Kind.ToString(),
        ["sr"] = e.Source.Reference,
        ["a"] = e.Actor,
        ["r"] = Bson.Text(e.Rule),
        ["x"] = Bson.Text(e.Note),
    };

    private static LedgerEntry ToEntry(BsonDocument d) =>
        new(new CustomerCode(d["c"].AsString), d["n"].AsInt64, Enum.Parse<LedgerEntryKind>(d["k"].AsString), d["p"].AsInt64, Bson.ToInstant(d["at"]),
            PointsSource.From(Enum.Parse<PointsSourceKind>(d["sk"].AsString), d["sr"].AsString), d["a"].AsString, Bson.ToText(d["r"]), Bson.ToText(d["x"]));

    private static Referral ToReferral(BsonDocument d) =>
        new(new CustomerCode(d["by"].AsString), new CustomerCode(d["_id"].AsString), Bson.ToInstant(d["at"]), Bson.ToText(d["s"]));
}
