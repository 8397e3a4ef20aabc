namespace CrmKit;

/// <summary>
/// Base type of every error CrmKit raises on purpose. When an operation throws one of these,
/// nothing it was asked to write has been written.
/// </summary>
public abstract class CrmException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong.</summary>
    protected CrmException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    protected CrmException(string message, Exception inner) : base(message, inner) { }
}
