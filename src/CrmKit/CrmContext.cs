using CrmKit.Storage;
using LiteDB;

namespace CrmKit;

/// <summary>What every part of a database shares: its options, clock and store, and code resolution.</summary>
internal sealed class CrmContext(CrmOptions options, LiteStore store)
{
    internal CrmOptions Options { get; } = options;

    internal LiteStore Store { get; } = store;

    internal DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>The code a customer is stored under now: a merged-away code resolves to its survivor.</summary>
    internal CustomerCode Resolve(CustomerCode code)
    {
        if (code == default) throw new CrmValidationException("code", "is required but was empty.");
        var alias = Store.Aliases.FindById(code.Value);
        return alias is null ? code : new CustomerCode(alias["s"].AsString);
    }

    /// <summary>The stored document of a customer (after resolving merges), or an exception naming the code.</summary>
    internal BsonDocument Load(CustomerCode code, out CustomerCode resolved)
    {
        if (code == default) throw new CrmValidationException("code", "is required but was empty.");
        // Most codes are live: look the customer up first and the merge aliases only on a miss.
        resolved = code;
        var doc = Store.Customers.FindById(code.Value);
        if (doc is not null) return doc;
        resolved = Resolve(code);
        return (resolved == code ? null : Store.Customers.FindById(resolved.Value)) ?? throw new CustomerNotFoundException(code);
    }
}
