using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Customer documents inside a write: each carries its stats and the sequence number of the last
/// write that changed it, and the write keeps the documents it read or wrote so it reads each once.
/// </summary>
internal sealed partial class LiteStore
{
    /// <summary>The field of a customer document that holds the customer's stats.</summary>
    internal const string StatsField = "st";

    /// <summary>The field of a customer document that holds the sequence number of the last write that changed it.</summary>
    internal const string ChangeField = "cs";

    /// <summary>The stats kept in a customer document, or null when none were written yet.</summary>
    /// <remarks>
    /// Stats live inside the customer's document rather than in a collection of their own, so
    /// everything segments and care rules read about a customer is one document: a full read is
    /// one pass over one collection.
    /// </remarks>
    internal static BsonDocument? StatsOf(BsonDocument? customer) =>
        customer is not null && customer.TryGetValue(StatsField, out var stats) && stats.IsDocument ? stats.AsDocument : null;

    /// <summary>The customer indexes: tags, stage, owner, attribute keys and change marks; the benchmarks' raw baselines declare the same.</summary>
    internal static void EnsureCustomerIndexes(ILiteCollection<BsonDocument> customers)
    {
        customers.EnsureIndex(CustomerDocument.Tags, $"$.{CustomerDocument.Tags}[*]");
        customers.EnsureIndex(CustomerDocument.Stage, "$." + CustomerDocument.Stage);
        customers.EnsureIndex(CustomerDocument.Owner, "$." + CustomerDocument.Owner);
        customers.EnsureIndex(CustomerDocument.AttributeKeys, $"$.{CustomerDocument.AttributeKeys}[*]");
        customers.EnsureIndex(ChangeField, "$." + ChangeField);
    }

    /// <summary>A customer's document by stored code: the current write's copy when it has one, else from the file.</summary>
    internal BsonDocument? FindCustomer(string code, bool writing)
    {
        if (writing && _written.TryGetValue(code, out var known)) return known;
        var doc = Customers.FindById(code);
        if (writing && doc is not null) _written[code] = doc;
        return doc;
    }

    /// <summary>Stores <paramref name="stats"/> in the customer's document and marks it changed by this write: one document write.</summary>
    internal void SetStats(BsonDocument customer, CustomerStats stats)
    {
        if (StatsDocument.ToBson(stats) is { } doc) customer[StatsField] = doc;
        else customer.Remove(StatsField);
        Stamp(customer);
        Customers.Update(customer);
    }

    /// <summary>Inserts a new customer's document, with empty stats, marked changed by this write.</summary>
    internal void InsertCustomer(Customer customer)
    {
        var doc = NewCustomerDocument(customer);
        Stamp(doc);
        Customers.Insert(doc);
        _written[customer.Code.Value] = doc;
    }

    /// <summary>A new customer's document as it is stored, before the write stamps it; the benchmarks' raw baselines write the same documents.</summary>
    internal static BsonDocument NewCustomerDocument(Customer customer) => CustomerDocument.ToBson(customer);

    /// <summary>Writes a customer's profile over <paramref name="stored"/>, keeping the stats stored with it, and marks it changed by this write.</summary>
    internal void UpdateProfile(BsonDocument stored, Customer customer)
    {
        var doc = CustomerDocument.ToBson(customer);
        if (stored.TryGetValue(StatsField, out var stats)) doc[StatsField] = stats;
        Stamp(doc);
        Customers.Update(doc);
        _written[customer.Code.Value] = doc;
    }

    /// <summary>Deletes a customer's document (merged away); the customer is marked as changed in the changes collection.</summary>
    internal void DeleteCustomer(string code)
    {
        Customers.Delete(code);
        _written.Remove(code);
        _stamped.Remove(code);
        Touch(code);
    }

    /// <summary>
    /// Marks the customer of a document being written as changed, by stamping the document itself
    /// with this write's sequence number, so the write needs no second one for the mark.
    /// </summary>
    private void Stamp(BsonDocument customer)
    {
        RequireWrite();
        _nextSequence ??= ChangeSequence + 1;
        customer[ChangeField] = _nextSequence.Value;
        var code = customer["_id"].AsString;
        _touched.Add(code);
        _stamped.Add(code);
    }
}
