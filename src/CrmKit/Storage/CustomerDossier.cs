using CrmKit.Value;

namespace CrmKit.Storage;

/// <summary>Everything a store holds about one customer, for export and erasure.</summary>
public sealed record CustomerDossier
{
    /// <summary>The profile and stats.</summary>
    public required CustomerRecord Record { get; init; }

    /// <summary>The interactions, in recording order.</summary>
    public required IReadOnlyList<Interaction> Interactions { get; init; }

    /// <summary>The stage history, in recording order.</summary>
    public required IReadOnlyList<StageChange> StageHistory { get; init; }

    /// <summary>The grade history, in recording order.</summary>
    public required IReadOnlyList<GradeChange> GradeHistory { get; init; }

    /// <summary>The latest claim, if any.</summary>
    public Claim? Claim { get; init; }

    /// <summary>The value figures of the latest fit, if any.</summary>
    public CustomerValue? Value { get; init; }

    /// <summary>The segments the customer is a member of.</summary>
    public required IReadOnlyList<SegmentMembership> Segments { get; init; }

    /// <summary>The care tasks, by id.</summary>
    public required IReadOnlyList<CareTask> CareTasks { get; init; }

    /// <summary>The care suppressions.</summary>
    public required IReadOnlyList<CareSuppression> CareSuppressions { get; init; }

    /// <summary>The codes merged into this customer.</summary>
    public required IReadOnlyList<CustomerCode> MergedCodes { get; init; }

    /// <summary>The erasures recorded, in recording order.</summary>
    public required IReadOnlyList<ErasureRecord> Erasures { get; init; }
}
