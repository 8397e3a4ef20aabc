using CrmKit.Storage;

namespace CrmKit;

/// <summary>What every part of a database shares: its options, clock and store, and code resolution.</summary>
internal sealed class CrmContext(CrmOptions options, ICrmStore store)
{
    internal CrmOptions Options { get; } = options;

    internal ICrmStore Store { get; } = store;

    internal DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    internal ValueTask<T> Read<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken ct) => Store.ReadAsync(work, ct);

    internal ValueTask<T> Write<T>(Func<IStoreSession, CancellationToken, ValueTask<T>> work, CancellationToken ct) => Store.WriteAsync(work, ct);

    /// <summary>The code a customer is stored under now: a merged-away code resolves to its survivor.</summary>
    internal static ValueTask<CustomerCode> ResolveAsync(IStoreSession session, CustomerCode code, CancellationToken ct)
    {
        if (code == default) throw new CrmValidationException("code", "is required but was empty.");
        return session.Customers.ResolveAsync(code, ct);
    }

    /// <summary>A stored customer (after resolving merges) with the code it is stored under, or an exception naming the code.</summary>
    internal static async ValueTask<(CustomerCode Code, CustomerRecord Record)> LoadAsync(IStoreSession session, CustomerCode code, CancellationToken ct)
    {
        if (code == default) throw new CrmValidationException("code", "is required but was empty.");
        // Most codes are live: look the customer up first and the merge aliases only on a miss.
        if (await session.Customers.FindAsync(code, ct).ConfigureAwait(false) is { } record) return (code, record);
        var resolved = await session.Customers.ResolveAsync(code, ct).ConfigureAwait(false);
        var survivor = resolved == code ? null : await session.Customers.FindAsync(resolved, ct).ConfigureAwait(false);
        return survivor is null ? throw new CustomerNotFoundException(code) : (resolved, survivor);
    }
}
