using System.Globalization;

namespace CrmKit.Benchmarks.Scale;

/// <summary>
/// The import steps: the <c>crmkit</c> tool itself, run as a child process on CSV files of the base
/// (every customer into a new database; then one more interaction per customer into the built one).
/// </summary>
internal static class ImportSteps
{
    /// <summary>The <c>crmkit</c> tool built beside the benchmarks (the benchmark project builds it).</summary>
    internal static string Cli
    {
        get
        {
            var bench = AppContext.BaseDirectory;
            var configuration = new DirectoryInfo(bench).Parent!.Name;
            var path = Path.GetFullPath(Path.Combine(bench, "..", "..", "..", "..", "..", "src", "CrmKit.Cli", "bin", configuration, "net10.0", "CrmKit.Cli.dll"));
            return File.Exists(path) ? path : throw new FileNotFoundException($"the crmkit tool is not built at {path}; build bench/CrmKit.Benchmarks first.");
        }
    }

    internal static void Run(Dictionary<string, StepResult> results, string here, int customers, Func<string[], StepResult> child)
    {
        var size = customers.ToString(CultureInfo.InvariantCulture);
        var customersCsv = Path.Combine(here, "customers.csv");
        var interactionsCsv = Path.Combine(here, "interactions.csv");
        ScaleData.WriteCustomersCsv(customersCsv, customers);
        ScaleData.WriteInteractionsCsv(interactionsCsv, customers, ScaleData.InteractionsPerCustomer);
        child(["scale-step", "lite", "new-import-db", here, size]);
        results["import-customers"] = ScaleRun.RunProcess("dotnet", [Cli, "import", "customers", customersCsv, "--db", Path.Combine(here, "import.db")], "import-customers");
        results["import-customers"] = results["import-customers"] with { Count = customers };
        results["import-interactions"] = ScaleRun.RunProcess("dotnet", [Cli, "import", "interactions", interactionsCsv, "--db", LiteSteps.CrmFile(here)], "import-interactions");
        results["import-interactions"] = results["import-interactions"] with { Count = customers };
        File.Delete(customersCsv);
        File.Delete(interactionsCsv);
    }
}
