namespace CrmKit.Cli.Tests.Import;

public class ImportInteractionsTests
{
    private static CliSession WithCustomers()
    {
        var session = new CliSession().Init();
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nA,Ann\nB,Bob\n")).Exit);
        return session;
    }

    [Fact]
    public void Good_rows_are_recorded_with_offsets_amounts_and_metadata()
    {
        using var session = WithCustomers();
        var file = session.File("i.csv",
            "customer,kind,channel,occurred at,amount,outcome,notes,staff,meta:campaign,meta:score\n" +
            "A,purchase,store,2026-03-07T10:00:00.1234567+08:00,32900.50,sold,\"首次购车, 🚗\",sales.li,spring,9\n" +
            "A,refund,store,2026-03-17T10:00:00-09:30,-400,,,,,\n" +
            "B,inquiry,phone,2026-03-18T08:00Z,,no-answer,,,,\n");

        var (exit, output, error) = session.Crm("import", "interactions", file);

        Assert.True(exit == 0, error);
        Assert.Contains("Imported 3 interaction(s)", output);
        using var crm = session.Open();
        var a = crm.Interactions.For("A", PageRequest.First).Items;
        Assert.Equal(2, a.Count);
        Assert.True(a[0].OccurredAt.EqualsExact(new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567)));
        Assert.Equal(32900.50m, a[0].Amount);
        Assert.Equal("32900.50", a[0].Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("首次购车, 🚗", a[0].Notes);
        Assert.Equal("spring", a[0].Metadata["campaign"]);
        Assert.Equal(TimeSpan.FromMinutes(-570), a[1].OccurredAt.Offset);
        Assert.Equal(32500.50m, crm.Interactions.Stats("A").MonetaryTotal);
        Assert.Equal("no-answer", crm.Interactions.For("B", PageRequest.First).Items.Single().Outcome);
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_and_column_and_nothing_is_recorded()
    {
        using var session = WithCustomers();
        var file = session.File("i.csv",
            "customer,kind,channel,occurred-at,amount\n" +
            "A,purchase,store,2026-03-07T10:00:00+08:00,10\n" +
            "Z,purchase,store,2026-03-07T10:00:00+08:00,10\n" +
            "A,purchase,store,2026-03-07T10:00:00,10\n" +
            "A,purchase,store,2500-01-01T00:00:00Z,10\n" +
            "A,purchase,store,2026-03-07T10:00:00Z,123456789012345678901234567890.5\n" +
            "A,purchase,store,2026-03-07T10:00:00Z,2000000000000000\n" +
            "A,purchase,store,2026-03-07T10:00:00Z,-5\n" +
            "A,Purchase,store,2026-03-07T10:00:00Z,5\n" +
            "A,purchase,store,2026-03-07T10:00:00Z,12.5.1\n");

        var (exit, _, error) = session.Crm("import", "interactions", file);

        Assert.Equal(1, exit);
        Assert.Contains("i.csv(line 3): error: column 'customer': no customer has code 'Z'.", error);
        Assert.Contains("i.csv(line 4): error: column 'occurred-at': expects an ISO-8601 instant with an offset", error);
        Assert.Contains("i.csv(line 5): error: column 'occurred-at': 2500-01-01T00:00:00.0000000+00:00 is outside the accepted range", error);
        Assert.Contains("i.csv(line 6): error: column 'amount': \"123456789012345678901234567890.5\" is too large for a decimal number.", error);
        Assert.Contains("i.csv(line 7): error: column 'amount': 2000000000000000 exceeds the largest accepted amount", error);
        Assert.Contains("i.csv(line 8): error: column 'amount': -5 is negative, which only a refund kind", error);
        Assert.Contains("i.csv(line 9): error: column 'kind': 'Purchase' may use only lower-case letters", error);
        Assert.Contains("i.csv(line 10): error: column 'amount': expects Decimal but got \"12.5.1\".", error);
        Assert.DoesNotContain("(line 2)", error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Interactions.Count());
    }

    [Fact]
    public void Skip_invalid_records_the_good_rows_in_one_batch_and_rejects_the_rest()
    {
        using var session = WithCustomers();
        var file = session.File("visits.csv",
            "customer,kind,channel,occurred-at,meta:ref\n" +
            "A,service-visit,store,2026-03-07T10:00:00+08:00,-7\n" +
            "Q,service-visit,store,2026-03-07T10:00:00+08:00,\n" +
            "B,service-visit,store,2026-03-08T10:00:00+08:00,=1+1\n");

        var (exit, output, _) = session.Crm("import", "interactions", file, "--skip-invalid");

        Assert.Equal(0, exit);
        Assert.Contains("Imported 2 interaction(s)", output);
        var rejects = File.ReadAllLines(Path.Combine(session.Folder, "visits.rejects.csv"));
        Assert.Equal(2, rejects.Length);
        Assert.Equal("Q,service-visit,store,2026-03-07T10:00:00+08:00,,line 3: column 'customer': no customer has code 'Q'.", rejects[1]);
        using var crm = session.Open();
        Assert.Equal(2, crm.Interactions.Count());
        Assert.Equal("-7", crm.Interactions.For("A", PageRequest.First).Items.Single().Metadata["ref"]);
    }
}
