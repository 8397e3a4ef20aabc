namespace CrmKit.Storage;

/// <summary>
/// For store implementations outside this assembly: rebuilds records with the state only a store
/// may set (versions, ids, recording instants), exactly as they were written. Not for
/// application code: the engine's operations are the only way to change that state.
/// </summary>
public static class StoredState
{
    /// <summary>A customer read back from a store, with the engine-owned fields it was stored with.</summary>
    /// <param name="customer">The customer with its user-settable fields.</param>
    /// <param name="stage">The stored stage.</param>
    /// <param name="stageSince">When the customer entered the stage.</param>
    /// <param name="gradeReviewedAt">When the grade was last reviewed, if ever.</param>
    /// <param name="createdAt">When the customer was created.</param>
    /// <param name="updatedAt">When the profile was last changed.</param>
    /// <param name="version">The stored version (optimistic concurrency).</param>
    /// <param name="erasedAt">When personal data was erased, if ever.</param>
    public static Customer Customer(Customer customer, StageId stage, DateTimeOffset stageSince, DateTimeOffset? gradeReviewedAt,
        DateTimeOffset createdAt, DateTimeOffset updatedAt, int version, DateTimeOffset? erasedAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer with
        {
            Stage = stage,
            StageSince = stageSince,
            GradeReviewedAt = gradeReviewedAt,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Version = version,
            ErasedAt = erasedAt,
        };
    }

    /// <summary>An interaction with the id the store gave it and the instant it was recorded.</summary>
    public static Interaction Interaction(Interaction interaction, long id, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction with { Id = id, RecordedAt = recordedAt };
    }

    /// <summary>A segment clause read back from its stored parts; checked as when it was made.</summary>
    /// <exception cref="CrmValidationException">The parts do not make a valid clause.</exception>
    public static SegmentClause Clause(ClauseKind kind, ClauseOperator op, string? attribute, AttributeType? attributeType, IReadOnlyList<string> values) =>
        new(kind, op, attribute, attributeType, values);
}
