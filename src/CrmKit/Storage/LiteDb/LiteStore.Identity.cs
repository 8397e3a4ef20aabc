using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The collections of the identity map, value sources, kept values, merge history and duplicate review list.</summary>
internal sealed partial class LiteStore
{
    internal ILiteCollection<BsonDocument> SourceIds => _db.GetCollection(IdentityCollections.SourceIds, BsonAutoId.ObjectId);
    internal ILiteCollection<BsonDocument> ValueSources => _db.GetCollection(IdentityCollections.ValueSources, BsonAutoId.ObjectId);
    internal ILiteCollection<BsonDocument> KeptValues => _db.GetCollection(IdentityCollections.KeptValues, BsonAutoId.Int64);
    internal ILiteCollection<BsonDocument> MergeHistory => _db.GetCollection(IdentityCollections.MergeHistory, BsonAutoId.Int64);
    internal ILiteCollection<BsonDocument> DuplicateMatches => _db.GetCollection(IdentityCollections.DuplicateMatches, BsonAutoId.ObjectId);

    /// <summary>Declares the indexes the identity collections are read by (a customer's entries, a survivor's merges).</summary>
    private void EnsureIdentityIndexes()
    {
        SourceIds.EnsureIndex("c", "$.c");
        ValueSources.EnsureIndex("c", "$.c");
        KeptValues.EnsureIndex("c", "$.c");
        MergeHistory.EnsureIndex("s", "$.s");
        DuplicateMatches.EnsureIndex("f", "$.f");
        DuplicateMatches.EnsureIndex("s", "$.s");
    }
}

/// <summary>Names of the identity collections in a CrmKit database file.</summary>
internal static class IdentityCollections
{
    internal const string SourceIds = "source_ids";
    internal const string ValueSources = "value_sources";
    internal const string KeptValues = "kept_values";
    internal const string MergeHistory = "merge_history";
    internal const string DuplicateMatches = "duplicate_matches";

    internal static readonly string[] All = [SourceIds, ValueSources, KeptValues, MergeHistory, DuplicateMatches];
}
