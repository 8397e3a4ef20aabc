using System.Collections;

namespace CrmKit.Scripting;

/// <summary>
/// A lazy LINQ sequence as a script sees it (see <see cref="ScriptGuard.Metered{T}(IEnumerable{T}, int)"/>).
/// Each element asked of it counts against the evaluation's time budget, and it keeps count of how
/// many such sequences are being enumerated inside one another on the thread: past
/// <see cref="EvaluationBudget.SequenceDepthLimit"/> it stops the evaluation with a stack-depth
/// error. That bounds both the work a chain of operators can do without being counted and the
/// depth of the enumerators that are disposed while the error unwinds.
/// </summary>
internal class MeteredSequence<T>(IEnumerable<T> source, int line) : IEnumerable<T>
{
    private protected readonly IEnumerable<T> Source = source;
    private protected readonly int Line = line;

    public IEnumerator<T> GetEnumerator() => new Enumerator(Source.GetEnumerator(), Line);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(IEnumerator<T> inner, int line) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => inner.Current;

        public bool MoveNext()
        {
            var budget = ScriptGuard.Current;
            if (budget is null) return inner.MoveNext();
            budget.Tick(line);
            if (budget.SequenceDepth >= EvaluationBudget.SequenceDepthLimit) throw ScriptGuard.SequencesTooDeep(line);
            budget.SequenceDepth++;
            try
            {
                return inner.MoveNext();
            }
            finally
            {
                budget.SequenceDepth--;
            }
        }

        public void Reset() => inner.Reset();

        public void Dispose() => inner.Dispose();
    }
}

/// <summary>
/// An ordered lazy sequence as a script sees it: metered like <see cref="MeteredSequence{T}"/>, and
/// <c>ThenBy</c> on it is passed to the ordered sequence inside. Each <c>ThenBy</c> adds a level the
/// sorter walks recursively, so more than <see cref="EvaluationBudget.SequenceDepthLimit"/> of them
/// stop the evaluation.
/// </summary>
internal sealed class MeteredOrderedSequence<T>(IOrderedEnumerable<T> source, int line, int level)
    : MeteredSequence<T>(source, line), IOrderedEnumerable<T>
{
    public IOrderedEnumerable<T> CreateOrderedEnumerable<TKey>(Func<T, TKey> keySelector, IComparer<TKey>? comparer, bool descending)
    {
        if (level >= EvaluationBudget.SequenceDepthLimit) throw ScriptGuard.SequencesTooDeep(Line);
        return new MeteredOrderedSequence<T>(((IOrderedEnumerable<T>)Source).CreateOrderedEnumerable(keySelector, comparer, descending), Line, level + 1);
    }
}
