namespace CrmKit;

/// <summary>
/// What evaluating one customer gave: a value, or the exception that stopped the evaluation. A
/// batch of evaluations returns one outcome per customer, so one failing customer fails alone.
/// </summary>
/// <typeparam name="T">What an evaluation yields (a segment's verdict, a rule's care actions).</typeparam>
public readonly struct Outcome<T>
{
    private Outcome(T value, Exception? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; meaningless when <see cref="Error"/> is set.</summary>
    public T Value { get; }

    /// <summary>Why the evaluation failed, or null when it succeeded.</summary>
    public Exception? Error { get; }

    /// <summary>True when the evaluation succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Of(T value) => new(value, null);

    /// <summary>A failed outcome.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static Outcome<T> Failed(Exception error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)));
}
