namespace CrmKit;

/// <summary>A stage rule's answer: the stage the customer should move to, with an optional note on why. Immutable.</summary>
public sealed record StageProposal
{
    /// <summary>Creates a proposal.</summary>
    /// <param name="to">The stage to move to.</param>
    /// <param name="note">A short explanation, for example <c>usual gap 30 days; 95 days since the last purchase</c>.</param>
    /// <exception cref="CrmValidationException">The stage is empty or the note too long.</exception>
    public StageProposal(StageId to, string? note = null)
    {
        if (to == default) throw new CrmValidationException("to", "is required but was empty.");
        To = to;
        Note = Require.OptionalText(note, "note");
    }

    /// <summary>The stage to move to.</summary>
    public StageId To { get; }

    /// <summary>A short explanation, or null.</summary>
    public string? Note { get; }
}
