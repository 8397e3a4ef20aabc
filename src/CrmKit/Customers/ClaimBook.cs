using CrmKit.Storage;

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
        return _context.Write(async (s, ct) =>
        {
            var (code, record) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
            var current = record.Customer;
            var now = _context.Now;
            if (await s.Claims.GetAsync(code, ct).ConfigureAwait(false) is { } held && held.Salesperson != salesperson && held.Until > now)
                throw new ClaimLockedException(held);
            var claim = new Claim(code, salesperson, now, now + period);
            await s.Claims.PutAsync(claim, ct).ConfigureAwait(false);
            if (current.Owner != salesperson)
                await s.Customers.UpdateAsync(current with { Owner = salesperson, UpdatedAt = now, Version = current.Version + 1 }, current.Version, ct).ConfigureAwait(false);
            return claim;
        }, default).Wait();
    }

    /// <summary>The latest claim on a customer, in force or run out; null when never claimed.</summary>
    /// <exception cref="CustomerNotFoundException">No such customer.</exception>
    public Claim? Current(CustomerCode customer) => _context.Read(async (s, ct) =>
    {
        var (code, _) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        return await s.Claims.GetAsync(code, ct).ConfigureAwait(false);
    }, default).Wait();
}
