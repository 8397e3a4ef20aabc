namespace CrmKit;

/// <summary>
/// Where a customer's current value of one field came from: the source system that gave it and
/// when. A sync import records one for every field it sets, so a later feed from another system
/// knows the value is not its own, and a merge can say where a conflicting value came from. A
/// field without a source was entered through CrmKit itself.
/// </summary>
/// <param name="Customer">The customer.</param>
/// <param name="Field">The field, as <see cref="KeptValue.Field"/> names it.</param>
/// <param name="System">The source system that gave the current value.</param>
/// <param name="At">When it gave it.</param>
public sealed record ValueSource(CustomerCode Customer, string Field, string System, DateTimeOffset At);
