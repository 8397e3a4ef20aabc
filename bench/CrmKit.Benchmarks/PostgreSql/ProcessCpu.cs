using System.Globalization;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// CPU time of processes on this machine, from Linux's <c>/proc/&lt;pid&gt;/stat</c> (user plus
/// system time, counted in the kernel's clock ticks of 10 ms): how the benchmarks tell the time a
/// writer spends computing from the time it spends waiting, for a client process and for every
/// process of the benchmark's PostgreSQL server.
/// </summary>
public static class ProcessCpu
{
    private const double MillisecondsPerTick = 10;

    /// <summary>The CPU time a process has used so far, in milliseconds; 0 once it is gone.</summary>
    public static double Milliseconds(int pid)
    {
        var fields = Fields(pid);
        return fields is null ? 0 : (Tick(fields, 14) + Tick(fields, 15)) * MillisecondsPerTick;
    }

    /// <summary>The CPU time of <paramref name="parent"/> and every process whose parent it is, in milliseconds.</summary>
    public static double TreeMilliseconds(int parent)
    {
        var total = Milliseconds(parent);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == parent) continue;
            if (Fields(pid) is { } fields && Tick(fields, 4) == parent) total += (Tick(fields, 14) + Tick(fields, 15)) * MillisecondsPerTick;
        }
        return total;
    }

    /// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> after the command name, numbered as in proc(5) (field 3 is the state).</summary>
    private static string[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces; fields 3 on follow the last ')'.
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long Tick(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
}
