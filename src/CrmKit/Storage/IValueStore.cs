using CrmKit.Value;

namespace CrmKit.Storage;

/// <summary>Value-model fits and the per-customer figures of the latest one.</summary>
public interface IValueStore
{
    /// <summary>Keeps a new fit and replaces every customer's figures with <paramref name="values"/>.</summary>
    ValueTask ReplaceAsync(ValueFit fit, IReadOnlyList<CustomerValue> values, CancellationToken cancellationToken);

    /// <summary>The most recently stored fit, or null.</summary>
    ValueTask<ValueFit?> LatestFitAsync(CancellationToken cancellationToken);

    /// <summary>A stored code's figures from the latest fit, or null.</summary>
    ValueTask<CustomerValue?> OfAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Every customer's figures from the latest fit, in code order (ordinal).</summary>
    ValueTask<IReadOnlyList<CustomerValue>> AllAsync(CancellationToken cancellationToken);
}
