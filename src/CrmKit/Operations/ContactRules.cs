using CrmKit.Storage;

namespace CrmKit;

/// <summary>
/// What every recorded contact shares: the instant it is recorded at (given, or now; never later
/// than now), the customer's consent on the channel actually used, and the customer's time zone
/// for quiet hours.
/// </summary>
internal static class ContactRules
{
    /// <summary>The instant a contact is recorded at: <paramref name="at"/>, checked, or <paramref name="now"/>.</summary>
    /// <exception cref="CrmValidationException"><paramref name="at"/> is out of range or later than now.</exception>
    internal static DateTimeOffset Time(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } given) return now;
        Require.Instant(given, "at");
        if (given > now) throw new CrmValidationException("at", $"{given:o} is later than now ({now:o}); a contact is recorded after it was made.");
        return given;
    }

    /// <summary>The customer as rules see it, with its zone; refuses a channel the contact policy does not allow.</summary>
    /// <exception cref="CrmValidationException">The customer opted out of <paramref name="channel"/>, or the policy requires an opt-in the customer never gave.</exception>
    internal static async ValueTask<CustomerSnapshot> AllowedAsync(IStoreSession s, CustomerCode customer, Channel channel, ContactPolicy policy, CancellationToken ct)
    {
        var (_, record) = await CrmContext.LoadAsync(s, customer, ct).ConfigureAwait(false);
        var c = record.Customer;
        if (c.Consents.TryGetValue(channel, out var consent) ? !consent.Granted : policy.RequireOptIn)
            throw new CrmValidationException("attempt.channel", consent is null
                ? $"'{channel}' has no opt-in from customer '{c.Code}', and the contact policy requires one."
                : $"customer '{c.Code}' opted out of '{channel}' at {consent.At:o}; an attempt may not use it.");
        return new CustomerSnapshot(c, record.Stats);
    }

    /// <summary>Records <paramref name="attempt"/> (stored, with its id) as an interaction on the channel actually used.</summary>
    internal static async ValueTask RecordAsync(CrmContext context, IStoreSession s, ContactAttempt attempt, string? occasion, CancellationToken ct)
    {
        var interaction = attempt.ToInteraction();
        var metadata = new Dictionary<string, string>(interaction.Metadata) { ["attempt"] = attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (occasion is not null) metadata["occasion"] = occasion;
        interaction = interaction with { Metadata = metadata };
        interaction.Check(context.Options, null);
        await new InteractionLog(context).AppendAsync(s, [interaction], ct).ConfigureAwait(false);
    }
}
