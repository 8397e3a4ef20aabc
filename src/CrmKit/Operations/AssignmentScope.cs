namespace CrmKit;

/// <summary>What an assignment rule assigns; the flags combine.</summary>
[Flags]
public enum AssignmentScope
{
    /// <summary>New customers without an owner.</summary>
    Customers = 1,

    /// <summary>New care tasks whose rule and customer name no owner.</summary>
    Tasks = 2,

    /// <summary>New cases.</summary>
    Cases = 4,

    /// <summary>Customers, tasks and cases.</summary>
    All = Customers | Tasks | Cases,
}
