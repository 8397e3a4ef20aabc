namespace CrmKit;

/// <summary>
/// A value a customer's record was given but does not hold now, kept so that nothing a source or a
/// merged record said is lost: an attribute value (or name, owner, birthday, time zone, group)
/// that lost to the customer's own when two records were merged, or a feed's value that
/// disagreed with the value another system had already given. The customer's current values are
/// on <see cref="Customer"/>; these are the history beside them.
/// </summary>
/// <param name="Customer">Whose value it was.</param>
/// <param name="Field">
/// The field, named as validation errors name it: <c>name</c>, <c>owner</c>, <c>birthday</c>,
/// <c>timeZone</c>, <c>group</c> or <c>attributes.NAME</c>.
/// </param>
/// <param name="Value">The value (a name, owner or time zone as text, a birthday as a date, a group as <c>Kind:id</c> text).</param>
/// <param name="System">The source system the value came from; null when it was entered through CrmKit itself rather than a feed.</param>
/// <param name="At">When the value was given: the feed's write, or for a value entered through CrmKit the last change of that record's profile.</param>
/// <param name="KeptAt">When it was set aside (the merge, or the import that disagreed).</param>
public sealed record KeptValue(CustomerCode Customer, string Field, AttributeValue Value, string? System, DateTimeOffset At, DateTimeOffset KeptAt)
{
    /// <summary>The merged-away customer whose record held the value; null for a feed's value that disagreed.</summary>
    public CustomerCode? MergedFrom { get; init; }
}
