namespace CrmKit.Cli.Tests.Import;

public class ImportConsentTests
{
    [Fact]
    public void Consent_columns_record_each_channel_at_the_import_time()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv",
            "code,name,Consent:sms,consent:email,CONSENT:phone\n" +
            "T-1,Ann,no,yes,\n" +
            "T-2,Bob,opt-out,Opt-In,1\n" +
            "T-3,Cy,false,TRUE,0\n");
        var before = DateTimeOffset.UtcNow;

        var (exit, output, error) = session.Crm("import", "customers", file);

        Assert.True(exit == 0, output + error);
        var after = DateTimeOffset.UtcNow;
        using var crm = session.Open();
        var ann = crm.Customers.Get("T-1");
        Assert.False(ann.Consents[Channel.Sms].Granted);
        Assert.True(ann.Consents[Channel.Email].Granted);
        Assert.False(ann.Consents.ContainsKey(Channel.Phone));
        Assert.InRange(ann.Consents[Channel.Sms].At, before.AddSeconds(-1), after.AddSeconds(1));
        var bob = crm.Customers.Get("T-2");
        Assert.Equal([false, true, true], new[] { Channel.Sms, Channel.Email, Channel.Phone }.Select(c => bob.Consents[c].Granted));
        var cy = crm.Customers.Get("T-3");
        Assert.Equal([false, true, false], new[] { Channel.Sms, Channel.Email, Channel.Phone }.Select(c => cy.Consents[c].Granted));
        Assert.Single(new[] { ann, bob, cy }.SelectMany(c => c.Consents.Values).Select(c => c.At).Distinct());
    }

    [Fact]
    public void A_bad_consent_cell_is_reported_with_line_and_column_and_nothing_is_written()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv",
            "code,name,consent:sms\n" +
            "T-1,Ann,yes\n" +
            "T-2,Bob,maybe\n");

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        Assert.Contains("customers.csv(line 3): error: column 'consent:sms': expects a consent (yes/no, true/false, 1/0 or opt-in/opt-out) or an empty cell but got \"maybe\".", error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Customers.Count());
    }

    [Theory]
    [InlineData("code,name,consent:SMS\nT-1,Ann,yes\n", "customers.csv(line 1): error: column 'consent:SMS': 'SMS' is not a channel name")]
    [InlineData("code,name,consent:\nT-1,Ann,yes\n", "customers.csv(line 1): error: column 'consent:': names no channel after 'consent:'.")]
    [InlineData("code,name,consent:sms,Consent:sms\nT-1,Ann,yes,no\n", "column 'Consent:sms': appears more than once in the header.")]
    [InlineData("code,name,opt:sms\nT-1,Ann,yes\n", "column 'opt:sms': is not a known column (known: code, name, tags, owner, grade, email, phone, birthday, time-zone, source-id, stage, attr:NAME, consent:CHANNEL).")]
    public void A_bad_consent_header_is_reported_on_line_1(string csv, string expected)
    {
        using var session = new CliSession().Init();
        var (exit, _, error) = session.Crm("import", "customers", session.File("customers.csv", csv));
        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_consent_column_may_share_its_name_with_an_attribute()
    {
        using var session = new CliSession();
        var schema = session.File("s.json", """{ "attributes": { "sms": "boolean" } }""");
        Assert.Equal(0, session.Crm("init", "--schema", schema).Exit);
        var (exit, output, error) = session.Crm("import", "customers", session.File("customers.csv", "code,name,attr:sms,consent:sms\nT-1,Ann,yes,no\n"));
        Assert.True(exit == 0, output + error);
        using var crm = session.Open();
        var ann = crm.Customers.Get("T-1");
        Assert.Equal(AttributeValue.Boolean(true), ann.Attributes["sms"]);
        Assert.False(ann.Consents[Channel.Sms].Granted);
    }
}
