using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Scripting.Tests.Corpus;

/// <summary>
/// Invariant: after any accepted script has run over a customer, in process, the customer, its
/// stats and the parameters are unchanged (the view hands out nothing a script could write to).
/// </summary>
public class ReadOnlyViewTests
{
    private static readonly ScriptEngine InProcess = new(new ScriptEngineOptions { Isolation = ScriptIsolation.InProcess });

    /// <summary>Every accepted corpus script, compiled once for all generated customers.</summary>
    private static readonly Lazy<CompiledScript[]> AcceptedScripts = new(() =>
        [.. CorpusScript.All("Accepted").Select(f => CorpusScript.Load("Accepted", (string)f[0])).Select(s => InProcess.Compile(s.Source, s.Kind, s.Path))]);

    public static Arbitrary<(Customer Customer, CustomerStats Stats)> Customers() =>
        Generators.Customer.SelectMany(c => Generators.Stats.Select(s => (c, s))).ToArbitrary();

    [Property(Arbitrary = [typeof(ReadOnlyViewTests)], MaxTest = 30)]
    public bool Any_accepted_script_leaves_any_customer_its_stats_and_the_parameters_unchanged((Customer Customer, CustomerStats Stats) drawn)
    {
        var (customer, stats) = drawn;
        var context = TestCustomer.Context();
        var before = Describe(customer, stats, context.Parameters);
        foreach (var script in AcceptedScripts.Value)
        {
            try
            {
                HostileRunner.Evaluate(script, new CustomerView(customer, stats), context);
            }
            catch (ScriptRuntimeException)
            {
                // A script may fail for a customer without the attributes it reads; it still must not have written anything.
            }
            if (Describe(customer, stats, context.Parameters) != before) return false;
        }
        return true;
    }

    /// <summary>Everything a script could reach through the view, down to the elements of every list and dictionary.</summary>
    private static string Describe(Customer c, CustomerStats s, ScriptParameters parameters) => string.Join("\n",
        c.Code, c.Name, string.Join(",", c.Tags), string.Join(",", c.ContactPoints), string.Join(",", c.Consents.OrderBy(p => p.Key.Name, StringComparer.Ordinal)),
        string.Join(",", c.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + (p.Value.Type == AttributeType.TextList ? string.Join("|", p.Value.AsTextList()) : p.Value.ToString()))),
        c.Owner, c.Grade, c.Group, c.Birthday, c.TimeZone, c.Stage, c.StageSince,
        s.InteractionCount, s.PurchaseCount, s.MonetaryTotal, s.FirstPurchaseAt, s.LastPurchaseAt, s.LastContactAt,
        string.Join(",", s.CountsByKind), string.Join(",", s.CountsByChannel), string.Join(",", s.LastByKind),
        string.Join(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

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
