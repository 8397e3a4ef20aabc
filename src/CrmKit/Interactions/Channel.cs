namespace CrmKit;

/// <summary>
/// A way of reaching or meeting a customer (store visit, phone, SMS, email, messaging app, web,
/// app, or any other lower-case name an application uses).
/// </summary>
public readonly record struct Channel
{
    private readonly string? _name;

    /// <summary>Creates a channel; the name is lower-case letters, digits, '-', '_' or '.'.</summary>
    /// <exception cref="CrmValidationException">The name is not a valid identifier.</exception>
    public Channel(string name) => _name = Require.Identifier(name, "channel");

    /// <summary>The channel's name.</summary>
    public string Name => _name ?? "";

    /// <summary>A visit to a store or showroom.</summary>
    public static Channel Store { get; } = new("store");

    /// <summary>A phone call, inbound or outbound.</summary>
    public static Channel Phone { get; } = new("phone");

    /// <summary>A text message.</summary>
    public static Channel Sms { get; } = new("sms");

    /// <summary>An email.</summary>
    public static Channel Email { get; } = new("email");

    /// <summary>A messaging app.</summary>
    public static Channel Messaging { get; } = new("messaging");

    /// <summary>A web site.</summary>
    public static Channel Web { get; } = new("web");

    /// <summary>A mobile app.</summary>
    public static Channel App { get; } = new("app");

    /// <summary>Converts a name to a channel, checking it.</summary>
    public static implicit operator Channel(string name) => new(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
