using System.Globalization;
using System.Text;

namespace CrmKit.Cli.Tests.Care;

/// <summary>
/// A telecom-style customer base written as the CSV files an operator would import: 30 customers
/// across seven time zones (four with daylight saving, two changing clocks in March 2027), some
/// opted out of SMS, email or phone; monthly bill payments that stop (churn warnings), service
/// visits six months back (service due) and first purchases in March (anniversaries).
/// </summary>
internal sealed class TelecomData
{
    internal static readonly string[] Zones =
        ["Asia/Shanghai", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Auckland"];

    private static readonly string[] Channels = ["sms", "email", "phone"];

    internal TelecomData(int count)
    {
        var customers = new StringBuilder("code,name,tags,owner,birthday,time-zone,phone,consent:sms,consent:email,consent:phone\n");
        var interactions = new StringBuilder("customer,kind,channel,occurred-at,amount\n");
        for (var i = 1; i <= count; i++)
        {
            var code = $"T-{i:00}";
            var zone = Zones[i % Zones.Length];
            ZoneOf[code] = TimeZoneInfo.FindSystemTimeZoneById(zone);
            string[] cells = [i % 3 == 0 ? "no" : i % 3 == 1 ? "yes" : "", i % 4 == 0 ? "opt-out" : "yes", i % 7 == 3 ? "0" : ""];
            for (var c = 0; c < Channels.Length; c++)
                if (cells[c].Length > 0) Consent[(code, Channels[c])] = cells[c] is "yes" or "1";
            var tier = i % 5 == 0 ? "diamond" : i % 2 == 0 ? "gold" : "mass";
            customers.Append(Invariant($"{code},Subscriber {i},{tier},agent.{(char)('a' + i % 3)},{1960 + i}-03-{8 + i % 22:00},{zone},+86 139 0000 {i:0000},{cells[0]},{cells[1]},{cells[2]}\n"));

            // Monthly bills from March 2025 for 6 to 18 months: the shorter runs have stopped long enough for a churn warning.
            var months = 6 + i % 13;
            for (var m = 0; m < months; m++)
                interactions.Append(Invariant($"{code},purchase,store,{new DateTimeOffset(2025, 3, 5 + i % 20, 11, 0, 0, TimeSpan.Zero).AddMonths(m):yyyy-MM-dd'T'HH:mm:ssK},{30 + i}.00\n"));
            if (i % 2 == 0)
                interactions.Append(Invariant($"{code},service-visit,store,{new DateTimeOffset(2026, 9, 8 + i % 20, 3, 0, 0, TimeSpan.Zero):yyyy-MM-dd'T'HH:mm:ssK},\n"));
        }
        CustomersCsv = customers.ToString();
        InteractionsCsv = interactions.ToString();
    }

    internal string CustomersCsv { get; }

    internal string InteractionsCsv { get; }

    /// <summary>The consent each customer gave or refused per channel; absent when the cell was empty.</summary>
    internal Dictionary<(string Customer, string Channel), bool> Consent { get; } = [];

    internal Dictionary<string, TimeZoneInfo> ZoneOf { get; } = new(StringComparer.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
