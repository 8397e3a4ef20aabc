namespace CrmKit;

/// <summary>One page of a query's results, in a stable order.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Offset">How many items came before this page.</param>
/// <param name="HasMore">True when another page follows.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, bool HasMore);

/// <summary>Which page of a query to read.</summary>
/// <param name="Offset">How many items to skip.</param>
/// <param name="Size">How many items at most to return (1 to 10,000).</param>
public readonly record struct PageRequest(int Offset = 0, int Size = 100)
{
    /// <summary>The first page, of 100 items.</summary>
    public static PageRequest First { get; } = new(0, 100);

    /// <summary>The page after this one.</summary>
    public PageRequest Next => this with { Offset = Offset + Size };

    internal void Check()
    {
        if (Offset < 0) throw new CrmValidationException("page.offset", $"{Offset} is negative.");
        if (Size is < 1 or > 10_000) throw new CrmValidationException("page.size", $"{Size} is outside 1 to 10,000.");
    }
}
