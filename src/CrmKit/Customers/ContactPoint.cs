namespace CrmKit;

/// <summary>A way to reach a customer, such as a phone number, email address, messaging handle or postal address.</summary>
/// <param name="Kind">What the value is: <c>phone</c>, <c>email</c>, <c>messaging</c>, <c>address</c> or another lower-case name.</param>
/// <param name="Value">The number, address or handle, as given.</param>
public sealed record ContactPoint(string Kind, string Value)
{
    /// <summary>A phone number.</summary>
    public static ContactPoint Phone(string number) => new("phone", number);

    /// <summary>An email address.</summary>
    public static ContactPoint Email(string address) => new("email", address);

    internal void Check(int index)
    {
        Require.Identifier(Kind, $"contactPoints[{index}].kind");
        Require.Name(Value, $"contactPoints[{index}].value", 1_000);
    }
}
