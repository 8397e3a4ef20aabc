namespace CrmKit.Cli.Tests.Loyalty;

/// <summary>Points and referrals from the command line: a programme in the settings, earning on import, redemptions, reports.</summary>
public class LoyaltyCommandTests
{
    private const string Settings = """
        { "loyalty": { "pointsPerUnit": 0.01, "referralBonus": 500, "expiryMonths": 24,
                       "tiers": [ { "name": "silver", "from": 1000 }, { "name": "gold", "from": 3000 } ] } }
        """;

    private static CliSession WithProgramme()
    {
        var session = new CliSession();
        var (exit, output, error) = session.Crm("init", "--schema", session.File("settings.json", Settings));
        Assert.True(exit == 0, output + error);
        Assert.Contains("Loyalty: purchase-points (0.01 point(s) per unit spent), referral-bonus (500 points to the referrer); points expire after 24 months; tiers silver from 1000, gold from 3000", output, StringComparison.Ordinal);
        Assert.Equal(0, session.Crm("import", "customers", session.File("c.csv", "code,name\nD-1,王芳\nD-6,孙丽\nD-9,Bo\n")).Exit);
        return session;
    }

    [Fact]
    public void Imported_purchases_earn_points_a_referral_credits_the_referrer_and_a_redemption_is_held_to_the_balance()
    {
        using var session = WithProgramme();
        var refer = session.Crm("referral", "add", "D-1", "D-6", "--staff", "sales.li", "--at", "2026-01-01T00:00:00+08:00");
        Assert.True(refer.Exit == 0, refer.Error);
        Assert.Contains("D-1 referred D-6", refer.Output, StringComparison.Ordinal);
        var import = session.Crm("import", "interactions", session.File("i.csv",
            "customer,kind,channel,occurred-at,amount\nD-6,purchase,store,2026-01-05T10:00:00+08:00,268000\nD-1,purchase,store,2026-01-06T10:00:00+08:00,1999.99\n"));
        Assert.True(import.Exit == 0, import.Error);

        var shown = session.Crm("points", "show", "D-1");
        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Contains("519 points", shown.Output, StringComparison.Ordinal);
        Assert.Contains("referral:D-6", shown.Output, StringComparison.Ordinal);
        Assert.Contains("silver", session.Crm("points", "show", "D-6").Output, StringComparison.Ordinal);

        var refused = session.Crm("points", "redeem", "D-1", "--points", "600", "--reward", "car-wash");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("balance of 519 points", refused.Error, StringComparison.Ordinal);
        var redeemed = session.Crm("points", "redeem", "D-1", "--points", "500", "--reward", "car-wash", "--actor", "desk.li");
        Assert.True(redeemed.Exit == 0, redeemed.Error);
        Assert.Contains("balance 19 points", redeemed.Output, StringComparison.Ordinal);
        Assert.Contains("balance 9 points", session.Crm("points", "adjust", "D-1", "--points", "-10", "--reason", "typo").Output, StringComparison.Ordinal);
        Assert.Contains("balance 59 points", session.Crm("points", "grant", "D-1", "--points", "50", "--reason", "apology").Output, StringComparison.Ordinal);

        var report = session.Crm("referral", "report", "--by", "staff", "--csv");
        Assert.Equal("key,referrals,converted,rate\r\nsales.li,1,1,1\r\n", report.Output);
        Assert.Contains("D-6", session.Crm("referral", "list", "D-1").Output, StringComparison.Ordinal);
        Assert.Equal(1, session.Crm("referral", "add", "D-9", "D-6").Exit);
        Assert.Equal(0, session.Crm("points", "expire").Exit);
    }

    [Fact]
    public void The_programme_is_printed_by_configure_and_a_bad_one_is_refused_naming_the_key()
    {
        using var session = WithProgramme();
        var json = session.Crm("configure").Output;
        Assert.Contains("\"pointsPerUnit\": 0.01", json, StringComparison.Ordinal);
        Assert.Contains("\"useBuiltIn\": false", json, StringComparison.Ordinal);

        var bad = session.Crm("configure", "--schema", session.File("bad.json", """{ "loyalty": { "expiryMonths": 0 } }"""));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("loyalty.months", bad.Error, StringComparison.Ordinal);
    }
}
