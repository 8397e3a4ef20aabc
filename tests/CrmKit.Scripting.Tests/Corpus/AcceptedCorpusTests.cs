namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>Every accepted script compiles without errors and evaluates to the result in its header against the test customer.</summary>
public class AcceptedCorpusTests
{
    private static readonly ScriptEngine Engine = new();

    public static IEnumerable<object[]> Scripts => CorpusScript.All("Accepted");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Accepted_script_evaluates_to_its_expected_result(string file)
    {
        var script = CorpusScript.Load("Accepted", file);
        var check = Engine.Check(script.Source, script.Kind, script.Path);
        Assert.True(check.IsAccepted, string.Join("\n", check.Diagnostics));
        using var compiled = Engine.Compile(script.Source, script.Kind, script.Path);
        if (compiled is SegmentScript segment)
        {
            Assert.Equal(bool.Parse(script.Expect), segment.Evaluate(TestCustomer.View, TestCustomer.Context()));
        }
        else
        {
            var occasions = ((CareScript)compiled).Propose(TestCustomer.View, TestCustomer.Context()).Select(p => p.Occasion);
            Assert.Equal(script.Expect, string.Join(",", occasions));
        }
    }
}
