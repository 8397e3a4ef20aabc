namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>
/// Invariant: after any accepted script has run over a customer, in process, the customer, its
/// stats and the parameters are unchanged (the view hands out nothing a script could write to).
/// </summary>
public class ReadOnlyViewTests
{
    private static readonly ScriptEngine InProcess = new(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });

    public static IEnumerable<object[]> Scripts => CorpusScript.All("Accepted");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void An_accepted_script_leaves_the_customer_stats_and_parameters_unchanged(string file)
    {
        var script = CorpusScript.Load("Accepted", file);
        var view = TestCustomer.View;
        var context = TestCustomer.Context();
        var before = Describe(view, context.Parameters);
        using var compiled = InProcess.Compile(script.Source, script.Kind, script.Path);
        HostileRunner.Evaluate(compiled);
        Assert.Equal(before, Describe(view, context.Parameters));
    }

    private static string Describe(CustomerView view, ScriptParameters parameters) => string.Join("\n",
        view.Code, view.Name, string.Join(",", view.Tags), string.Join(",", view.ContactPoints),
        string.Join(",", view.TextList("vehicles")), view.Stats.ToString(),
        string.Join(",", view.Stats.CountsByKind), string.Join(",", view.Stats.CountsByChannel), string.Join(",", view.Stats.LastByKind),
        string.Join(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}
