namespace CrmKit.Storage;

/// <summary>The latest claim on each customer.</summary>
public interface IClaimStore
{
    /// <summary>The latest claim on a stored code, or null.</summary>
    ValueTask<Claim?> GetAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Stores a claim, replacing the customer's previous one.</summary>
    ValueTask PutAsync(Claim claim, CancellationToken cancellationToken);
}
