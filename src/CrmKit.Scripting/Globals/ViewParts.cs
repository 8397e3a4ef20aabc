namespace CrmKit.Scripting;

/// <summary>
/// The parts of a customer view that vary in size, as a set: what a script may read, and so what
/// the host sends a worker for each customer. The profile, the lifecycle and the stats are always
/// sent; a part a script never reads is left out, and the worker's view shows it empty.
/// </summary>
[Flags]
internal enum ViewParts : byte
{
    /// <summary>Only the profile, the lifecycle and the stats.</summary>
    None = 0,

    /// <summary><c>Tags</c>, <c>HasTag</c>.</summary>
    Tags = 1,

    /// <summary>The typed attributes: <c>Has</c>, <c>Text</c>, <c>Integer</c>, <c>TextList</c>…</summary>
    Attributes = 2,

    /// <summary><c>ContactPoints</c>, <c>Contact</c>.</summary>
    ContactPoints = 4,

    /// <summary><c>CanContact</c>.</summary>
    Consents = 8,

    /// <summary>The figures of the latest value fit: <c>ProbabilityAlive</c>, <c>LifetimeValue</c>, <c>Rfm</c>…</summary>
    Value = 16,

    /// <summary>The interactions that carry metadata: <c>Last</c>, <c>LastNumber</c>, <c>Count</c>, <c>Sum</c>.</summary>
    Metadata = 32,

    /// <summary>Memberships of other segments: <c>InSegment</c>.</summary>
    Segments = 64,

    /// <summary>The account's follow-up: <c>OpenTasks</c>, <c>OpenTasksOf</c>, <c>GradeReviewedAt</c>, <c>GradeAge</c>.</summary>
    FollowUp = 128,

    /// <summary>Everything.</summary>
    All = Tags | Attributes | ContactPoints | Consents | Value | Metadata | Segments | FollowUp,
}
