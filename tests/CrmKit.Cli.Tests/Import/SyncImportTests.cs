namespace CrmKit.Cli.Tests.Import;

public class SyncImportTests
{
    private const string Schema = """{ "attributes": { "id-number": "text", "segment": "text" } }""";

    private static CliSession Bank()
    {
        var session = new CliSession();
        var (exit, output, error) = session.Crm("init", "--schema", session.File("schema.json", Schema));
        Assert.True(exit == 0, output + error);
        return session;
    }

    private static void Ok((int Exit, string Output, string Error) run) => Assert.True(run.Exit == 0, run.Output + run.Error);

    [Fact]
    public void Two_systems_feeds_imported_twice_update_and_create_no_duplicates_and_the_matches_are_reviewed_and_merged()
    {
        using var session = Bank();
        var core = session.File("core.csv",
            "source-id,name,phone,attr:id-number,attr:segment,stage\n" +
            "C-1,Zhang Wei,+86 138 0000 0001,110101198002290011,retail,new\n" +
            "C-2,Layla Haddad,+971 50 123 4567,784-1985-1234567-1,retail,new\n");
        var cards = session.File("cards.csv",
            "source-id,name,phone,email,attr:id-number,attr:segment\n" +
            "7781,ZHANG Wei,13800000001,zhang.wei@example.com,110101 19800229 0011,gold\n" +
            "7790,José Núñez,,jose@example.com,,gold\n");
        string[] coreArgs = ["import", "customers", core, "--update", "--system", "core", "--key", "source-id", "--identity", "id-number"];
        string[] cardArgs = ["import", "customers", cards, "--update", "--system", "cards", "--key", "source-id", "--identity", "id-number"];

        Ok(session.Crm(coreArgs));
        var (_, cardOutput, _) = session.Crm(cardArgs);
        Assert.Contains("2 created, 0 updated, 0 unchanged", cardOutput);
        Assert.Contains("1 possible duplicate(s) added to the review list", cardOutput);

        var (exit, listed, _) = session.Crm("duplicates");
        Assert.Equal(0, exit);
        Assert.Contains("cards-7781", listed);
        Assert.Contains("same id-number, same phone, similar name", listed);
        Assert.Contains("1 pair(s) await review.", listed);

        var (mergeExit, merged, mergeError) = session.Crm("merge", "core-C-1", "cards-7781", "--reason", "same id-number and phone", "--actor", "reviewer.ma");
        Assert.True(mergeExit == 0, mergeError);
        Assert.Contains("Merged 'cards-7781' into 'core-C-1'.", merged);
        Assert.Contains("Kept: attributes.segment = gold (from cards", merged);

        // The next night: both feeds again, one customer changed in each.
        System.IO.File.WriteAllText(core, System.IO.File.ReadAllText(core).Replace("C-2,Layla Haddad,+971 50 123 4567,784-1985-1234567-1,retail,new", "C-2,Layla Haddad,+971 50 123 4567,784-1985-1234567-1,private,growing"));
        System.IO.File.WriteAllText(cards, System.IO.File.ReadAllText(cards).Replace("jose@example.com,,gold", "jose@example.com,,platinum"));
        var (_, coreAgain, _) = session.Crm(coreArgs);
        var (_, cardsAgain, _) = session.Crm(cardArgs);
        Assert.Contains("0 created, 1 updated, 1 unchanged", coreAgain);
        Assert.Contains("0 created, 1 updated, 1 unchanged", cardsAgain);
        Assert.Contains("0 pair(s) await review.", session.Crm("duplicates").Output);

        using var crm = session.Open();
        Assert.Equal(["cards-7790", "core-C-1", "core-C-2"], crm.Customers.All(PageRequest.First).Items.Select(c => c.Code.Value));
        Assert.Equal(new CustomerCode("core-C-1"), crm.Identity.Find("cards", "7781"));
        var layla = crm.Customers.Get("core-C-2");
        Assert.Equal(("private", new StageId("growing")), (layla.Attributes["segment"].AsText(), layla.Stage));
        Assert.Equal("imported", crm.Lifecycle.History("core-C-2")[^1].Reason);
        Assert.Equal("platinum", crm.Customers.Get("cards-7790").Attributes["segment"].AsText());
    }

    [Fact]
    public void A_stage_the_model_does_not_allow_is_refused_with_its_line_and_column_and_nothing_is_imported()
    {
        using var session = Bank();
        Ok(session.Crm("import", "customers", session.File("first.csv", "code,name,stage\nT-1,Wang Fang,new\n")));
        var file = session.File("second.csv", "code,name,stage\nT-2,Chen Jing,\nT-1,Wang Fang,churned\n");

        var (exit, _, error) = session.Crm("import", "customers", file, "--update");

        Assert.Equal(1, exit);
        Assert.Contains("second.csv(line 3): error: column 'stage': customer 'T-1' is in 'new'", error);
        using var crm = session.Open();
        Assert.Null(crm.Customers.Find("T-2"));
    }

    [Fact]
    public void Without_update_an_existing_code_is_refused_and_source_ids_need_a_system()
    {
        using var session = Bank();
        Ok(session.Crm("import", "customers", session.File("first.csv", "code,name\nT-1,Wang Fang\n")));

        var (exit, _, error) = session.Crm("import", "customers", session.File("again.csv", "code,name\nT-1,Wang Fang\n"));
        Assert.Equal(1, exit);
        Assert.Contains("import with --update to update it", error);

        var (usage, _, usageError) = session.Crm("import", "customers", session.File("ids.csv", "source-id,name\n1,Wang Fang\n"), "--key", "source-id");
        Assert.Equal(2, usage);
        Assert.Contains("--key source-id needs --system", usageError);
    }

    [Fact]
    public void A_dismissed_pair_leaves_the_review_list_and_is_not_suggested_again()
    {
        using var session = Bank();
        Ok(session.Crm("import", "customers", session.File("a.csv", "code,name,phone\nA-1,Li Na,+86 139 0000 0002\nA-2,Li Na,13900000002\n")));
        Assert.Contains("1 pair(s) await review.", session.Crm("duplicates").Output);

        Ok(session.Crm("duplicates", "dismiss", "A-2", "A-1", "--reason", "mother and daughter share the phone"));

        Assert.Contains("0 pair(s) await review.", session.Crm("duplicates", "--find").Output);
        Assert.Contains("mother and daughter", session.Crm("duplicates", "--all").Output);
    }
}
