using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// Finds customers that are probably the same person: the same phone number, the same email
/// address, the same value of an identity attribute (an ID number, say), or a near-identical name
/// together with one of those or the same birthday (see <see cref="MatchIndex"/> for how values
/// are normalised). A candidate is only a suggestion; a person reviews it and merges with
/// <see cref="CustomerBook.Merge"/>.
/// </summary>
internal sealed class DuplicateFinder(CrmContext context)
{
    internal ValueTask<IReadOnlyList<DuplicateCandidate>> FindAsync(IReadOnlyCollection<string> identityAttributes, CancellationToken ct) =>
        context.Read((s, c) => FindAsync(s, identityAttributes, c), ct);

    /// <summary>Every candidate pair in the base, strongest first, read in the caller's unit of work.</summary>
    internal static async ValueTask<IReadOnlyList<DuplicateCandidate>> FindAsync(IStoreSession s, IReadOnlyCollection<string> identityAttributes, CancellationToken ct)
    {
        var index = new MatchIndex(identityAttributes);
        var result = new List<DuplicateCandidate>();
        await foreach (var chunk in s.Customers.ScanAsync(SnapshotScan.All(), ct).ConfigureAwait(false))
        {
            foreach (var customer in chunk.Select(x => x.Customer).Where(x => x.ErasedAt is null))
            {
                result.AddRange(index.Probe(customer));
                index.Add(customer);
            }
        }
        return result.OrderByDescending(c => c.Score).ThenBy(c => c.First.Value, StringComparer.Ordinal).ThenBy(c => c.Second.Value, StringComparer.Ordinal).ToArray();
    }
}
