namespace CrmKit;

/// <summary>How a case was resolved: its root cause (the pain point behind it) and what was done.</summary>
/// <param name="RootCause">The cause, as a short lower-case code such as <c>billing-error</c>, so causes can be counted.</param>
/// <param name="Summary">What was done, in words.</param>
/// <param name="At">When it was resolved.</param>
/// <param name="Actor">Who resolved it.</param>
public sealed record CaseResolution(string RootCause, string Summary, DateTimeOffset At, string Actor);
