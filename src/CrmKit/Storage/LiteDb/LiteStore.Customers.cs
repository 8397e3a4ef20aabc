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

    /// <summary>
    /// Customers' documents by stored code, read in one query of the primary key (the current
    /// write's copies where it has them), keyed by the code given. A code the file matches without
    /// regard to case is found one at a time.
    /// </summary>
    internal Dictionary<string, BsonDocument> FindCustomers(IEnumerable<string> codes, bool writing)
    {
        var found = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (writing && _written.TryGetValue(code, out var known)) found[code] = known;
            else missing.Add(code);
        }
        if (missing.Count == 0) return found;
        var read = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var doc in Customers.Find(Where.In("_id", new BsonArray(missing.Select(c => new BsonValue(c)))))) read[doc["_id"].AsString] = doc;
        // Documents the query found under another case of a code: those codes are looked up alone.
        var inexact = read.Count > missing.Count(read.ContainsKey);
        foreach (var code in missing)
        {
            var doc = read.TryGetValue(code, out var exact) ? exact : inexact ? FindCustomer(code, writing) : null;
            if (doc is null) continue;
            found[code] = doc;
            if (writing) _written[code] = doc;
        }
        return found;
    }

    /// <summary>Stores the stats of many customers in their documents, marking each changed by this write, in one update of the collection.</summary>
    internal void SetStats(IEnumerable<(BsonDocument Customer, CustomerStats Stats)> changes)
    {
        var docs = new List<BsonDocument>();
        foreach (var (customer, stats) in changes)
        {
            PutStats(customer, stats);
            Stamp(customer);
            docs.Add(customer);
        }
        Customers.Update(docs);
    }

    private static void PutStats(BsonDocument customer, CustomerStats stats)
    {
        if (StatsDocument.ToBson(stats) is { } doc) customer[StatsField] = doc;
        else customer.Remove(StatsField);
    }

    /// <summary>Stores <paramref name="stats"/> in the customer's document and marks it changed by this write: one document write.</summary>
    internal void SetStats(BsonDocument customer, CustomerStats stats) => SetStats([(customer, stats)]);

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
