using System.CommandLine;

namespace CrmKit.Cli;

/// <summary>
/// Builds the <c>crmkit</c> command tree and runs it. Each command group lives in its own file
/// under Commands/ and adds itself to the root here. Exit codes: 0 success, 1 the command ran and
/// found problems, 2 the command line itself was wrong.
/// </summary>
internal static class CrmKitCli
{
    internal const int Success = 0;
    internal const int Problems = 1;
    internal const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CrmKit: customers, segments and care from the command line.")
        {
            ScriptCommands.Create(output, error),
            SegmentCommands.Create(output, error),
            CareCommands.Create(output, error),
            CaseCommands.Create(output, error),
            QueueCommands.Create(output, error),
            OwnerCommands.Reassign(output, error),
            CustomerCommands.Create(output, error),
            InitCommand.Create(output, error),
            ConfigureCommand.Create(output, error),
            ImportCommands.Create(output, error),
            ExportCommand.Create(output, error),
            BulkCommands.Restore(output, error),
            IdentityCommands.Duplicates(output, error),
            IdentityCommands.Merge(output, error),
            IdentityCommands.Identities(output, error),
            EraseCommand.Create(output, error),
            ReportCommand.Create(output, error),
            ValueCommands.Create(output, error),
            CampaignCommands.Create(output, error),
            PointsCommands.Create(output, error),
            ReferralCommands.Create(output, error),
            StageCommands.Create(output, error),
            DbCommands.Create(output, error),
            DatabaseOption.CreateWait(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"crmkit: {Printable.Message(e.Message)}");
            error.WriteLine("Run 'crmkit --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
