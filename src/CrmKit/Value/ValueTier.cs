namespace CrmKit.Value;

/// <summary>A value tier a customer belongs to.</summary>
/// <param name="Rank">1 for the most valuable tier, then 2, 3, …</param>
/// <param name="Name">The tier's name, for example "platinum".</param>
public sealed record ValueTier(int Rank, string Name);

/// <summary>One tier of a value-tier scheme and the share of customers it holds.</summary>
/// <remarks>
/// The default scheme is the customer pyramid of Zeithaml, Rust and Lemon (2001):
/// platinum (top 1%), gold (next 19%), iron (next 30%) and lead (last 50%).
/// </remarks>
public sealed record ValueTierShare
{
    /// <summary>Creates a tier share.</summary>
    /// <param name="name">The tier name; not empty.</param>
    /// <param name="share">The fraction of customers in the tier, greater than 0 and at most 1.</param>
    /// <exception cref="ArgumentException">The name is empty or the share is out of range.</exception>
    public ValueTierShare(string name, decimal share)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (share <= 0m || share > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, $"Tier '{name}' must hold a share greater than 0 and at most 1.");
        }

        Name = name;
        Share = share;
    }

    /// <summary>The customer pyramid: platinum 1%, gold 19%, iron 30%, lead 50%.</summary>
    public static IReadOnlyList<ValueTierShare> Pyramid { get; } =
        [new("platinum", 0.01m), new("gold", 0.19m), new("iron", 0.30m), new("lead", 0.50m)];

    /// <summary>The tier name.</summary>
    public string Name { get; }

    /// <summary>The fraction of customers in the tier.</summary>
    public decimal Share { get; }
}
