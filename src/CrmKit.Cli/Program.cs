namespace CrmKit.Cli;

/// <summary>The <c>crmkit</c> tool's entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => CrmKitCli.Run(args, Console.Out, Console.Error);
}
