namespace CrmKit.Storage.LiteDb;

/// <summary>
/// The embedded store works synchronously: its operations return completed tasks, and its streams
/// hand out chunks that are ready at once, so a unit of work never leaves the thread that holds
/// LiteDB's transaction.
/// </summary>
internal static class Completed
{
    internal static ValueTask<T> Value<T>(T value) => ValueTask.FromResult(value);

    internal static IAsyncEnumerable<IReadOnlyList<T>> Chunks<T>(IEnumerable<IReadOnlyList<T>> chunks, CancellationToken ct) => new ChunkStream<T>(chunks, ct);

    /// <summary>Splits a stream of items into lists of at most <paramref name="size"/>.</summary>
    internal static IEnumerable<IReadOnlyList<T>> InChunks<T>(IEnumerable<T> items, int size)
    {
        var chunk = new List<T>(size);
        foreach (var item in items)
        {
            chunk.Add(item);
            if (chunk.Count < size) continue;
            yield return chunk;
            chunk = new List<T>(size);
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private sealed class ChunkStream<T>(IEnumerable<IReadOnlyList<T>> chunks, CancellationToken outer) : IAsyncEnumerable<IReadOnlyList<T>>
    {
        public IAsyncEnumerator<IReadOnlyList<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new Enumerator(chunks.GetEnumerator(), outer, cancellationToken);

        private sealed class Enumerator(IEnumerator<IReadOnlyList<T>> inner, CancellationToken outer, CancellationToken token) : IAsyncEnumerator<IReadOnlyList<T>>
        {
            public IReadOnlyList<T> Current => inner.Current;

            public ValueTask<bool> MoveNextAsync()
            {
                outer.ThrowIfCancellationRequested();
                token.ThrowIfCancellationRequested();
                return ValueTask.FromResult(inner.MoveNext());
            }

            public ValueTask DisposeAsync()
            {
                inner.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
