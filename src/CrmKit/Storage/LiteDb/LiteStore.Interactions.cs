using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>The interaction log's upkeep inside a write: the id counter and the stored code of each interaction read.</summary>
internal sealed partial class LiteStore
{
    /// <summary>The key of the meta document that holds the last interaction id given.</summary>
    private const string InteractionIdKey = "interaction-id";

    /// <summary>Takes <paramref name="count"/> ids in recording order and returns the first.</summary>
    internal long TakeInteractionIds(int count)
    {
        RequireWrite();
        var last = Meta.FindById(InteractionIdKey)?["v"].AsInt64 ?? 0;
        Meta.Upsert(new BsonDocument { ["_id"] = InteractionIdKey, ["v"] = last + count });
        return last + 1;
    }

    /// <summary>Remembers under which code the interactions a write read are stored.</summary>
    internal void RememberOwners(IEnumerable<Interaction> interactions)
    {
        foreach (var interaction in interactions) _owners[interaction.Id] = interaction.Customer.Value;
    }

    /// <summary>The code interaction <paramref name="id"/> is stored under: remembered from a read in this write, else found by a scan of the keys.</summary>
    internal string? OwnerOf(long id)
    {
        if (_owners.TryGetValue(id, out var code)) return code;
        foreach (var doc in Interactions.FindAll())
        {
            var (owner, found) = InteractionDocument.FromKey(doc["_id"].AsBinary);
            if (found == id) return owner;
        }
        return null;
    }
}
