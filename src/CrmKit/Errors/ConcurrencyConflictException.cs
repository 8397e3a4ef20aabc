namespace CrmKit;

/// <summary>
/// An update was based on a stale copy of a customer, or of one of its cases: someone else changed it since it was read.
/// Read the customer again, reapply the change and retry.
/// </summary>
public sealed class ConcurrencyConflictException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(CustomerCode code, int expectedVersion, int actualVersion)
        : base($"Customer '{code}' was changed by someone else: the update was based on version {expectedVersion} but the stored version is {actualVersion}.")
    {
        Code = code;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>
    /// Creates the exception for something of <paramref name="code"/>'s other than the customer
    /// record itself, such as one of its cases; <paramref name="subject"/> names it (<c>Case 12</c>).
    /// </summary>
    public ConcurrencyConflictException(string subject, CustomerCode code, int expectedVersion, int actualVersion)
        : base($"{subject} of customer '{code}' was changed by someone else: the update was based on version {expectedVersion} but the stored version is {actualVersion}.")
    {
        Code = code;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The customer that changed, or whose case changed.</summary>
    public CustomerCode Code { get; }

    /// <summary>The version the update was based on.</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version stored now.</summary>
    public int ActualVersion { get; }
}
