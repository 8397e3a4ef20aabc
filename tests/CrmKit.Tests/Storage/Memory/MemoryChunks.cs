using System.Runtime.CompilerServices;
using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Memory;

/// <summary>The plain-collections store's scans: a snapshot of the items, handed out in chunks of the default size.</summary>
internal static class MemoryChunks
{
    internal static async IAsyncEnumerable<IReadOnlyList<T>> Of<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(SnapshotScan.DefaultChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.CompletedTask.ConfigureAwait(false);
            yield return chunk;
        }
    }
}
