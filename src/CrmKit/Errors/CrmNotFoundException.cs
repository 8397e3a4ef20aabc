namespace CrmKit;

/// <summary>Base of the errors raised when something looked up by its key does not exist: a customer, a segment, a care task.</summary>
public abstract class CrmNotFoundException : CrmException
{
    /// <summary>Creates the exception with a message naming what was looked up.</summary>
    protected CrmNotFoundException(string message) : base(message) { }
}
