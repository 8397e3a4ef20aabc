namespace CrmKit.Cli.Tests.Transfer;

public class BulkCommandTests
{
    private static CliSession WithBase()
    {
        var session = new CliSession().Init();
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv",
            "code,name,tags,phone,stage,attr:balance,attr:hobbies\nA,王芳,vip,+86 138 0000 1001,new,1234.50,hiking;🎣\nB,\"Bob, \"\"the\"\" builder\",,,,,\n")).Exit);
        Assert.Equal(0, session.Crm("import", "interactions", session.File("i.csv",
            "customer,kind,channel,occurred at,amount,notes,meta:score\nA,purchase,store,2026-03-07T10:00:00.1234567+08:00,32900.50,\"首次购车,\n🚗\",9\nB,inquiry,phone,2026-03-18T08:00Z,,,\n")).Exit);
        return session;
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public void An_export_restored_into_a_fresh_database_exports_to_the_same_bytes(string format)
    {
        using var session = WithBase();
        var first = Path.Combine(session.Folder, "first");
        var (exit, output, error) = session.Crm("export", "--all", "--format", format, "--out", first);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"customers.{format}", output);
        Assert.True(File.Exists(Path.Combine(first, $"interactions.{format}")));

        using var fresh = new CliSession().Init();
        var (restored, restoreOutput, restoreError) = fresh.Crm("restore", first);
        Assert.True(restored == 0, restoreOutput + restoreError);
        Assert.Contains("2 row(s)", restoreOutput);
        var second = Path.Combine(fresh.Folder, "second");
        Assert.Equal(0, fresh.Crm("export", "--all", "--format", format, "--out", second).Exit);

        foreach (var file in Directory.GetFiles(first))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
        using var crm = fresh.Open();
        Assert.Equal(32900.50m, crm.Interactions.Stats("A").MonetaryTotal);
        Assert.Equal("Bob, \"the\" builder", crm.Customers.Get("B").Name);
    }

    [Fact]
    public void An_export_is_not_written_over_another_without_force_and_a_restore_needs_an_empty_database()
    {
        using var session = WithBase();
        var folder = Path.Combine(session.Folder, "out");
        Assert.Equal(0, session.Crm("export", "--all", "--out", folder).Exit);

        var (exit, _, error) = session.Crm("export", "--all", "--out", folder);
        Assert.Equal(2, exit);
        Assert.Contains("refusing to overwrite", error);
        Assert.Equal(0, session.Crm("export", "--all", "--out", folder, "--force").Exit);

        var (restored, _, restoreError) = session.Crm("restore", folder);
        Assert.Equal(1, restored);
        Assert.Contains("is not empty", restoreError);
        Assert.Equal(2, session.Crm("export", "A", "--all", "--out", folder).Exit);
        Assert.Equal(2, session.Crm("export", "--all").Exit);
    }

    [Fact]
    public void A_damaged_export_is_refused_with_its_file_and_line_and_nothing_is_restored()
    {
        using var session = WithBase();
        var folder = Path.Combine(session.Folder, "out");
        Assert.Equal(0, session.Crm("export", "--all", "--format", "csv", "--out", folder).Exit);
        var interactions = Path.Combine(folder, "interactions.csv");
        File.WriteAllText(interactions, File.ReadAllText(interactions).Replace("32900.50", "lots", StringComparison.Ordinal));

        using var fresh = new CliSession().Init();
        var (exit, _, error) = fresh.Crm("restore", folder);

        Assert.Equal(1, exit);
        Assert.Contains("interactions.csv(line 2) amount", error);
        using var crm = fresh.Open();
        Assert.Equal(0, crm.Customers.Count());
    }
}
