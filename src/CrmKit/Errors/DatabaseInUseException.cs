namespace CrmKit;

/// <summary>
/// Another process (or another open database in this process) has the file open in a way that
/// excludes this open: a writer excludes everyone, readers exclude writers. Nothing was opened or
/// written. Retry later, or give a lock timeout (<see cref="CrmOptions.LockTimeout"/>) to wait.
/// </summary>
public sealed class DatabaseInUseException : DatabaseFileException
{
    /// <summary>Creates the exception for <paramref name="path"/>, naming the process that holds it when known.</summary>
    public DatabaseInUseException(string path, int? processId, string? processName, TimeSpan waited)
        : base(path, Describe(processId, processName, waited))
    {
        ProcessId = processId;
        ProcessName = processName;
        Waited = waited;
    }

    /// <summary>The id of a process that holds the file, when it could be read from the lock file.</summary>
    public int? ProcessId { get; }

    /// <summary>That process's name, such as <c>crmkit</c> or <c>dotnet</c>, when known.</summary>
    public string? ProcessName { get; }

    /// <summary>How long this open waited before giving up.</summary>
    public TimeSpan Waited { get; }

    private static string Describe(int? processId, string? processName, TimeSpan waited)
    {
        var who = processId is { } id
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"process {id}{(string.IsNullOrEmpty(processName) ? "" : $" ({processName})")}")
            : "another process";
        if (processId == Environment.ProcessId) who += ", this process";
        var wait = waited < TimeSpan.FromSeconds(1)
            ? ""
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (waited {waited.TotalSeconds:0.#} s)");
        return $"is in use by {who}{wait}; try again when it has closed the database, or wait longer.";
    }
}
