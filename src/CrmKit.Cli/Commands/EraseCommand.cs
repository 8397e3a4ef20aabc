using System.CommandLine;
using System.Globalization;

namespace CrmKit.Cli;

/// <summary>The <c>crmkit erase CODE --reason TEXT</c> command: erases one customer's personal data.</summary>
internal static class EraseCommand
{
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("code") { Description = "The customer code." };
        var reason = new Option<string>("--reason") { Description = "Why the data is erased, for example the reference of the customer's request.", Required = true };
        var actor = new Option<string>("--actor")
        {
            Description = "Who erases it; recorded with the erasure. Default: the current user name.",
            DefaultValueFactory = _ => Environment.UserName is { Length: > 0 } user ? user : "crmkit",
        };
        var db = DatabaseOption.Create();
        var command = new Command("erase", "Erase a customer's personal data (name, attributes, tags, contact points, birthday, time zone, group, interaction notes and metadata), keeping anonymous figures.")
        {
            code, reason, actor, db,
        };
        command.SetAction(parsed => CommandRunner.Run(error, () =>
        {
            using var crm = DatabaseOption.Open(parsed, db, readOnly: false);
            var record = crm.PersonalData.Erase(parsed.GetValue(code)!, parsed.GetValue(actor)!, parsed.GetValue(reason)!);
            crm.Checkpoint();
            output.WriteLine($"Erased the personal data of customer '{record.Customer}' at {record.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}.");
            output.WriteLine("Removed: name, attributes, tags, contact points, birthday, time zone and group; "
                + $"notes and metadata of {record.InteractionsScrubbed} interaction(s).");
            output.WriteLine("Kept: the code, stage, consents, and each interaction's kind, channel, time and amount.");
            output.WriteLine($"Recorded: actor '{record.Actor}', reason '{record.Reason}'.");
            return CrmKitCli.Success;
        }));
        return command;
    }
}
