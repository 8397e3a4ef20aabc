namespace CrmKit;

/// <summary>How an assignment rule chooses a member of the team.</summary>
public enum AssignmentPick
{
    /// <summary>The members in turn, the turn kept in the database so every process continues it.</summary>
    RoundRobin,

    /// <summary>The member holding the fewest open care tasks and active cases; the first listed among equals.</summary>
    LeastLoaded,
}
