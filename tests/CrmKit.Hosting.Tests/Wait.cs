namespace CrmKit.Hosting.Tests;

/// <summary>Polls a condition the host reaches on its own threads, failing after a real-time limit.</summary>
public static class Wait
{
    public static async Task Until(Func<bool> condition, string what, Action? step = null)
    {
        var limit = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException("Timed out waiting until " + what);
            step?.Invoke();
            await Task.Delay(10);
        }
    }
}
