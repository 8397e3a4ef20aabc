using CrmKit.Storage.LiteDb;
using LiteDB;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// The documents of the raw LiteDB baselines: exactly those the embedded store writes for the same
/// customers and interactions, with the same indexes, so the baselines differ from CrmKit only in
/// what CrmKit does around the insert or the read.
/// </summary>
internal static class RawDocuments
{
    internal static BsonDocument Customer(Customer given)
    {
        var stored = given with
        {
            Stage = StageModel.Default.Initial,
            StageSince = ScaleData.Now,
            CreatedAt = ScaleData.Now,
            UpdatedAt = ScaleData.Now,
            Version = 1,
        };
        var doc = LiteStore.NewCustomerDocument(stored);
        doc[LiteStore.ChangeField] = 1L;
        return doc;
    }

    /// <summary>The document of an interaction as the store keys and writes it, with id <paramref name="id"/>.</summary>
    internal static BsonDocument Interaction(Interaction interaction, long id) =>
        InteractionDocument.ToBson(interaction with { RecordedAt = ScaleData.Now }, interaction.Customer.Value, id);

    internal static void EnsureCustomerIndexes(ILiteCollection<BsonDocument> customers) => LiteStore.EnsureCustomerIndexes(customers);

    /// <summary>The interaction log has no index but its key (the customer code and the id).</summary>
    internal static void EnsureInteractionIndexes(ILiteCollection<BsonDocument> interactions)
    {
    }

    /// <summary>The refresh's script, hand-written over a stored customer document.</summary>
    internal static bool IsVipSpender(BsonDocument doc) =>
        doc.TryGetValue(CustomerDocument.Tags, out var tags) && tags.AsArray.Contains("vip")
        && doc.TryGetValue(LiteStore.StatsField, out var stats) && stats.AsDocument.TryGetValue("m", out var spent) && spent.AsDecimal > 1000m;
}
