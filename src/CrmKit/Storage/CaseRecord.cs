namespace CrmKit.Storage;

/// <summary>
/// A service case as a store keeps it: the columns queues and look-ups select on, and the whole
/// case (history, escalations, resolutions) as one JSON document whose layout CrmKit owns. A store
/// keeps the document and hands it back (it may normalise the JSON, as a <c>jsonb</c> column does).
/// </summary>
/// <param name="Id">The case's id: 0 for a case not stored yet; the store numbers new cases from 1.</param>
/// <param name="Customer">The customer the case is about.</param>
/// <param name="Owner">Who holds the case, or null.</param>
/// <param name="Active">Whether the case is still to be resolved (not resolved or closed).</param>
/// <param name="Changes">The number of changes in the case's history; updates check it.</param>
/// <param name="Document">The case in its JSON form.</param>
public sealed record CaseRecord(long Id, CustomerCode Customer, string? Owner, bool Active, int Changes, string Document);
