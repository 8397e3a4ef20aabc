namespace CrmKit;

/// <summary>How the contact policy's frequency cap treats priorities. Immutable.</summary>
public sealed record PriorityPolicy
{
    /// <summary>Urgent tasks bypass the cap.</summary>
    public static PriorityPolicy Default { get; } = new();

    /// <summary>What happens when a proposal meets a full cap; <see cref="CapPriorityMode.UrgentBypassesCap"/> unless set.</summary>
    public CapPriorityMode Mode
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new CrmValidationException("priority.mode", $"{(int)value} is not a mode.");
    } = CapPriorityMode.UrgentBypassesCap;
}
