using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>
/// Exclusive claims on leads: when a salesperson claims a customer, no other salesperson may claim
/// it for the lock period (seven days by default). The holder may renew the claim at any time.
/// </summary>
public sealed class ClaimBook
{
    /// <summary>The default lock period: seven days.</summary>
    public static readonly TimeSpan DefaultLock = TimeSpan.FromDays(7);

    private readonly CrmContext _context;

    internal ClaimBook(CrmContext context) => _context = context;

    /// <summary>
    /// Claims a customer for <paramref name="salesperson"/> from now for <paramref name="lockFor"/>
    /// (seven days when null), makes them the owner, and returns the claim.
    /// </summary>
    /// <exception cref="ClaimLockedException">Another salesperson's claim is still in force; nothing was written.</exception>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Claim Take(CustomerCode customer, string salesperson, TimeSpan? lockFor = null)
    {
        Require.Name(salesperson, "salesperson");
        var period = lockFor ?? DefaultLock;
        if (period <= TimeSpan.Zero) throw new CrmValidationException("lockFor", $"{period} is not a positive period.");
        return _context.Store.Write(() =>
        {
            var current = CustomerDocument.FromBson(_context.Load(customer, out var code));
            var now = _context.Now;
            if (Held(code) is { } held && held.Salesperson != salesperson && held.Until > now) throw new ClaimLockedException(held);
            var claim = new Claim(code, salesperson, now, now + period);
            _context.Store.Claims.Upsert(new BsonDocument
            {
                ["_id"] = code.Value,
                ["s"] = salesperson,
                ["at"] = Bson.Instant(claim.At),
                ["until"] = Bson.Instant(claim.Until),
            });
            if (current.Owner != salesperson)
            {
                _context.Store.UpdateProfile(current with { Owner = salesperson, UpdatedAt = now, Version = current.Version + 1 });
                _context.Store.Touch(code);
            }
            return claim;
        });
    }

    /// <summary>The latest claim on a customer, in force or run out; null when never claimed.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Claim? Current(CustomerCode customer)
    {
        _context.Load(customer, out var code);
        return Held(code);
    }

    private Claim? Held(CustomerCode code)
    {
        var doc = _context.Store.Claims.FindById(code.Value);
        return doc is null ? null : new Claim(code, doc["s"].AsString, Bson.ToInstant(doc["at"]), Bson.ToInstant(doc["until"]));
    }
}
