using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CrmKit.Scripting.Tests.Corpus;

namespace CrmKit.Scripting.Tests.Isolation;

/// <summary>
/// A worker is sent only the parts of each customer a script can read, and the script cannot tell:
/// through the worker every accepted script answers as it does in process, for any customer.
/// </summary>
public class ViewProjectionTests
{
    // A time budget no script of the corpus comes near even on a busy machine, so that only what a
    // script reads, never how long it took, can make the two answers differ.
    private static readonly ScriptEngine InProcess = new(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess, TimeBudget = TimeSpan.FromSeconds(20) });
    private static readonly ScriptEngine Worker = new(new ScriptEngineOptions { TimeBudget = TimeSpan.FromSeconds(20), WorkerBatchTimeLimit = TimeSpan.FromMinutes(2) });

    [Theory]
    [InlineData("Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 1000m", (byte)(ViewParts.Tags))]
    [InlineData("Customer.Tags.Any(t => t.StartsWith(\"vi\")) && Customer.Stats.PurchaseCount >= 2", (byte)(ViewParts.Tags))]
    [InlineData("Customer.Integer(\"age\") >= 30 && Customer.CanContact(\"email\")", (byte)(ViewParts.Attributes | ViewParts.Consents))]
    [InlineData("Customer.Contact(\"email\") != null || Customer.LifetimeValue > 10m", (byte)(ViewParts.ContactPoints | ViewParts.Value))]
    [InlineData("Customer.Stage == \"mature\" && Customer.CountOfKind(\"purchase\") > 1 && Customer.Name.Length > 0", (byte)(ViewParts.None))]
    [InlineData("Customer?.HasTag(\"vip\") == true", (byte)(ViewParts.Tags))]
    [InlineData("var c = Customer;\nreturn c.Stage == \"mature\";", (byte)(ViewParts.All))]
    [InlineData("new[] { Customer }.Any(c => c.Stage == \"mature\")", (byte)(ViewParts.All))]
    [InlineData("Customer is { Stage: \"mature\" }", (byte)(ViewParts.All))]
    public void A_script_is_sent_only_the_parts_it_names(string source, byte expected)
    {
        var (result, image) = ScriptCompiler.Compile(source, ScriptKind.Segment, "parts.csx", ScriptEngine.KeyOf(source, ScriptKind.Segment), emit: true);
        Assert.True(result.IsAccepted, string.Join("\n", result.Diagnostics));
        Assert.Equal((ViewParts)expected, image!.Reads);
    }

    /// <summary>Every accepted corpus script, compiled once in process and once for the worker.</summary>
    private static readonly Lazy<(CompiledScript Here, CompiledScript There)[]> Pairs = new(() =>
        [.. CorpusScript.All("Accepted").Select(f => CorpusScript.Load("Accepted", (string)f[0]))
            .Select(s => (InProcess.Compile(s.Source, s.Kind, s.Path), Worker.Compile(s.Source, s.Kind, s.Path)))]);

    public static Arbitrary<CustomerView[]> Views() =>
        Generators.Customer.SelectMany(c => Generators.Stats.Select(s => new CustomerView(c, s))).ArrayOf().Where(a => a.Length is > 0 and <= 30).ToArbitrary();

    [Property(Arbitrary = [typeof(ViewProjectionTests)], MaxTest = 8)]
    public void Every_accepted_script_answers_through_the_worker_as_it_does_in_process(CustomerView[] customers)
    {
        var context = TestCustomer.Context();
        foreach (var (here, there) in Pairs.Value)
        {
            var (expected, actual) = here is SegmentScript segment
                ? (segment.EvaluateAll(customers, context).Select(Describe), ((SegmentScript)there).EvaluateAll(customers, context).Select(Describe))
                : (((CareScript)here).ProposeAll(customers, context).Select(Describe), ((CareScript)there).ProposeAll(customers, context).Select(Describe));
            var mismatch = expected.Zip(actual, (e, a) => (e, a)).Select((p, i) => (p.e, p.a, i)).FirstOrDefault(p => p.e != p.a);
            Assert.True(mismatch.e is null, $"{Path.GetFileName(here.Path)}, customer {mismatch.i}: in process '{mismatch.e}', through the worker '{mismatch.a}'");
        }
    }

    /// <summary>
    /// The answer, or the failure's code. Not its line: the line of an exception thrown inside a
    /// library call is found from the stack trace, which differs with how the code was optimised
    /// (in process it is compiled once, in a worker tiered).
    /// </summary>
    private static string Describe<T>(Outcome<T> outcome) => outcome.Succeeded
        ? outcome.Value is IEnumerable<CareProposal> proposals ? string.Join(";", proposals) : outcome.Value!.ToString()!
        : outcome.Error is ScriptRuntimeException e ? e.Code : outcome.Error!.GetType().Name;
}
