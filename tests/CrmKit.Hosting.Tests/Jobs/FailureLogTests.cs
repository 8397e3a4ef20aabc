using CrmKit.Hosting.Jobs;

namespace CrmKit.Hosting.Tests.Jobs;

/// <summary>A rule that fails for every customer of a large base logs a bounded number of warnings.</summary>
public class FailureLogTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(FailureLog.Logged, FailureLog.Logged)]
    [InlineData(5_000, FailureLog.Logged + 1)]
    public void Failures_are_logged_one_by_one_up_to_a_limit_then_counted(int failures, int lines)
    {
        using var sink = new LogSink();
        var all = Enumerable.Range(0, failures).Select(i => new EvaluationFailure("vip", new CustomerCode($"C-{i}"), "CRM1000", "it threw")).ToList();

        FailureLog.Write(sink.CreateLogger("jobs"), "Segment rule", all);

        Assert.Equal(lines, sink.Lines.Count);
        Assert.All(sink.Lines, l => Assert.StartsWith("Warning jobs: Segment rule failed", l));
        if (failures > FailureLog.Logged) Assert.Contains($"for {failures - FailureLog.Logged} more customers", sink.Lines[^1]);
    }
}
