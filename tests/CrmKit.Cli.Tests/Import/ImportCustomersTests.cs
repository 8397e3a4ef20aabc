using System.Text;

namespace CrmKit.Cli.Tests.Import;

public class ImportCustomersTests
{
    private const string Header = "code,name,tags,owner,grade,email,phone,birthday,time zone,attr:age,attr:balance,attr:member,attr:licensed-on,attr:last-visit,attr:hobbies";

    [Fact]
    public void Good_rows_are_imported_with_every_column()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv",
            Header + "\n" +
            "D-1,王芳,family;premium,sales.li,A,wf@example.com;wang@example.cn,+86 138 0000 1001,1988-04-02,Asia/Shanghai,38,1234.50,yes,2010-05-01,2026-03-07T10:00:00+08:00,hiking;🎣\n" +
            "D-2,محمد علي,,,,,,,,,,,,,\n");

        var (exit, output, error) = session.Crm("import", "customers", file);

        Assert.True(exit == 0, error);
        Assert.Contains("Imported 2 customer(s)", output);
        using var crm = session.Open();
        var wang = crm.Customers.Get("D-1");
        Assert.Equal("王芳", wang.Name);
        Assert.Equal(["family", "premium"], wang.Tags);
        Assert.Equal("sales.li", wang.Owner);
        Assert.Equal("A", wang.Grade);
        Assert.Equal([ContactPoint.Email("wf@example.com"), ContactPoint.Email("wang@example.cn"), ContactPoint.Phone("+86 138 0000 1001")], wang.ContactPoints);
        Assert.Equal(new DateOnly(1988, 4, 2), wang.Birthday);
        Assert.Equal("Asia/Shanghai", wang.TimeZone);
        Assert.Equal(AttributeValue.Integer(38), wang.Attributes["age"]);
        Assert.Equal(AttributeValue.Decimal(1234.50m), wang.Attributes["balance"]);
        Assert.Equal(AttributeValue.Boolean(true), wang.Attributes["member"]);
        Assert.Equal(AttributeValue.Date(new DateOnly(2010, 5, 1)), wang.Attributes["licensed-on"]);
        Assert.Equal(AttributeValue.Instant(new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(8))), wang.Attributes["last-visit"]);
        Assert.Equal(AttributeValue.TextList(["hiking", "🎣"]), wang.Attributes["hobbies"]);
        Assert.Empty(crm.Customers.Get("D-2").Attributes);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_column_and_nothing_is_written()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv",
            "code,name,attr:age,attr:balance,birthday,time-zone\n" +
            "A,Ann,40,1.5,,\n" +
            "B,Bob,forty,,,\n" +
            "\"C\",\"Cy\nwith a second line\",,,,\n" +
            "D,Dee,,1.00000000000000000000000000001,,\n" +
            "E,Eve,,,3000-01-01,\n" +
            "A,Ann again,,,,\n" +
            "F,Fay,,,,Mars/Olympus\n" +
            "G,,,,,\n");

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        Assert.Contains("customers.csv(line 3): error: column 'attr:age': expects Integer but got \"forty\".", error);
        Assert.Contains("customers.csv(line 6): error: column 'attr:balance': \"1.00000000000000000000000000001\" has more digits than a decimal number holds", error);
        Assert.Contains("customers.csv(line 7): error: column 'birthday': 3000-01-01 is outside the accepted range", error);
        Assert.Contains("customers.csv(line 8): error: column 'code': 'A' is also the code on line 2.", error);
        Assert.Contains("customers.csv(line 9): error: column 'time-zone': 'Mars/Olympus' is not a known time zone id.", error);
        Assert.Contains("customers.csv(line 10): error: column 'name': is required but was empty.", error);
        Assert.DoesNotContain("(line 4)", error);
        Assert.DoesNotContain("(line 5)", error);
        Assert.Contains("Nothing imported: 6 of 8 row(s)", error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Customers.Count());
    }

    [Fact]
    public void A_code_already_in_the_database_is_reported_and_nothing_is_written()
    {
        using var session = new CliSession().Init();
        Assert.Equal(0, session.Crm("import", "customers", session.File("a.csv", "code,name\nA,Ann\n")).Exit);
        var (exit, _, error) = session.Crm("import", "customers", session.File("b.csv", "code,name\nB,Bob\nA,Ann\n"));

        Assert.Equal(1, exit);
        Assert.Contains("b.csv(line 3): error: column 'code': a customer with code 'A' already exists (import with --update to update it).", error);
        using var crm = session.Open();
        Assert.Null(crm.Customers.Find("B"));
    }

    [Theory]
    [InlineData("code,name,colour\nA,Ann,red\n", "column 'colour': is not a known column")]
    [InlineData("code,name,attr:shoe-size\nA,Ann,42\n", "column 'attr:shoe-size': attribute 'shoe-size' is not declared")]
    [InlineData("name\nAnn\n", "column 'code': is required but the header lacks it.")]
    [InlineData("code,name,Code\nA,Ann,A\n", "column 'Code': appears more than once")]
    public void Header_problems_are_reported_on_line_1_even_with_skip_invalid(string csv, string expected)
    {
        using var session = new CliSession().Init();
        var (exit, _, error) = session.Crm("import", "customers", session.File("h.csv", csv), "--skip-invalid");

        Assert.Equal(1, exit);
        Assert.Contains("h.csv(line 1): error: " + expected, error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Customers.Count());
    }

    [Fact]
    public void Skip_invalid_imports_the_good_rows_and_writes_the_bad_ones_to_a_rejects_file()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv", "code,name,attr:age\nA,Ann,40\nB,Bob,forty\nC,Cy,7\nD,Dee,1,extra\n");

        var (exit, output, error) = session.Crm("import", "customers", file, "--skip-invalid");

        Assert.Equal(0, exit);
        Assert.Contains("Imported 2 customer(s)", output);
        Assert.Contains("skipped 2 invalid row(s)", output);
        Assert.Contains("customers.csv(line 3): error: column 'attr:age'", error);
        Assert.Contains("customers.csv(line 5): error: has 4 field(s) but the header has 3 column(s).", error);
        var rejects = File.ReadAllLines(Path.Combine(session.Folder, "customers.rejects.csv"));
        Assert.Equal("code,name,attr:age,error", rejects[0]);
        Assert.Equal("B,Bob,forty,\"line 3: column 'attr:age': expects Integer but got \"\"forty\"\".\"", rejects[1]);
        Assert.StartsWith("D,Dee,1,line 5: has 4 field(s)", rejects[2]);
        using var crm = session.Open();
        Assert.Equal(["A", "C"], crm.Customers.All(PageRequest.First).Items.Select(c => c.Code.Value));
    }

    [Fact]
    public void Unicode_and_a_byte_order_mark_round_trip()
    {
        using var session = new CliSession().Init();
        var names = new[] { "李伟", "محمد علي", "👨‍👩‍👧‍👦 family", "José Ñúñez", "e\u0301cole" };
        var csv = new StringBuilder("code,name,tags,attr:occupation\n");
        for (var i = 0; i < names.Length; i++) csv.Append($"U{i},\"{names[i]}\",新客户;عميل;🔥hot,{names[i]} 🚗\n");
        var file = session.File("unicode.csv", csv.ToString(), bom: true);

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.True(exit == 0, error);
        using var crm = session.Open();
        for (var i = 0; i < names.Length; i++)
        {
            var customer = crm.Customers.Get($"U{i}");
            Assert.Equal(names[i], customer.Name);
            Assert.Equal(new[] { "新客户", "عميل", "🔥hot" }.Order(StringComparer.Ordinal), customer.Tags);
            Assert.Equal(AttributeValue.Text(names[i] + " 🚗"), customer.Attributes["occupation"]);
        }
    }

    [Fact]
    public void A_large_import_shows_its_progress_and_writes_every_row()
    {
        using var session = new CliSession().Init();
        var csv = new StringBuilder("code,name,attr:age\n");
        for (var i = 0; i < 1_500; i++) csv.Append($"K{i:D5},Customer {i},{i % 90}\n");

        var (exit, output, error) = session.Crm("import", "customers", session.File("big.csv", csv.ToString()));

        Assert.True(exit == 0, error);
        Assert.Contains("Writing 1,500 customer(s)", output);
        Assert.Contains("Imported 1500 customer(s)", output);
        using var crm = session.Open();
        Assert.Equal(1_500, crm.Customers.Count());
    }
}
