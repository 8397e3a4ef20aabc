using CrmKit.Storage.LiteDb;

namespace CrmKit.Tests;

/// <summary>The embedded store's documents, for before/after comparisons in this project's tests.</summary>
public static class LiteSnapshots
{
    /// <summary>Every collection's documents as JSON text; the database must be on the LiteDB store.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(this TestDatabase db) => Collections.All.ToDictionary(
        c => c,
        c => string.Join("\n", ((LiteStore)db.Crm.Store).Dump(c).Select(d => LiteDB.JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal)));
}
