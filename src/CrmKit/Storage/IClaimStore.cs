namespace CrmKit.Storage;

/// <summary>The latest claim on each customer.</summary>
public interface IClaimStore
{
    /// <summary>The latest claim on a stored code, or null.</summary>
    ValueTask<Claim?> GetAsync(CustomerCode customer, CancellationToken cancellationToken);

    /// <summary>Stores a claim, replacing the customer's previous one.</summary>
    ValueTask PutAsync(Claim claim, CancellationToken cancellationToken);

    /// <summary>Removes the claim on a stored code (a merge moves it); false when there was none.</summary>
    ValueTask<bool> RemoveAsync(CustomerCode customer, CancellationToken cancellationToken);
}
