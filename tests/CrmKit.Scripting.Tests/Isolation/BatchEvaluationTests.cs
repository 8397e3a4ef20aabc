namespace CrmKit.Scripting.Tests.Isolation;

/// <summary>
/// A segment script without budget checks runs its own loop over a batch of customers. A customer
/// the script throws for fails alone, with its own code, and every other customer of the batch is
/// still answered, in order, in process and in the worker alike.
/// </summary>
public class BatchEvaluationTests
{
    private const string ThrowsForEveryThird = "int.Parse(Customer.Code[2..]) % 3 == 0 ? throw new InvalidOperationException(\"third\") : Customer.Code.EndsWith('1')";

    [Theory]
    [InlineData(ScriptIsolation.InProcess)]
    [InlineData(ScriptIsolation.Worker)]
    public void A_customer_the_script_throws_for_fails_alone_and_the_batch_goes_on(ScriptIsolation isolation)
    {
        using var engine = new ScriptEngine(new ScriptEngineOptions { Isolation = isolation });
        using var script = engine.CompileSegment(ThrowsForEveryThird, "third.csx");
        var views = Enumerable.Range(0, 40).Select(i => new CustomerView(new Customer($"C-{i:000}", "x"), CustomerStats.Empty)).ToArray();

        var outcomes = script.EvaluateAll(views, new ScriptContext(DateTimeOffset.UnixEpoch));

        Assert.Equal(views.Length, outcomes.Length);
        for (var i = 0; i < views.Length; i++)
        {
            if (i % 3 == 0)
            {
                var error = Assert.IsType<ScriptRuntimeException>(outcomes[i].Error);
                Assert.Contains("third", error.Message);
            }
            else
            {
                Assert.Null(outcomes[i].Error);
                Assert.Equal(i % 10 == 1, outcomes[i].Value);
            }
        }
    }
}
