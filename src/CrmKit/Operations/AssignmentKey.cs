namespace CrmKit;

/// <summary>What an assignment rule looks at to choose a team.</summary>
public enum AssignmentKey
{
    /// <summary>Nothing: every item goes to the rule's default team.</summary>
    None,

    /// <summary>The tier: a case's tier, or for a customer and a task the name of the customer's value tier (such as <c>platinum</c>), from the latest value fit.</summary>
    Tier,

    /// <summary>The customer's grade.</summary>
    Grade,

    /// <summary>A text attribute of the customer, such as a region (<see cref="AssignmentRule.Attribute"/>).</summary>
    Attribute,
}
