using System.Text;

namespace CrmKit.Cli.Tests;

/// <summary>A temporary folder with a database path, running <c>crmkit</c> in-process against it.</summary>
public sealed class CliSession : IDisposable
{
    public CliSession()
    {
        Folder = Path.Combine(Path.GetTempPath(), "crmkit-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Db => Path.Combine(Folder, "crm.db");

    public const string Schema = """
        { "attributes": { "age": "integer", "balance": "decimal", "member": "boolean", "licensed-on": "date", "last-visit": "instant", "hobbies": "text-list", "occupation": "text" } }
        """;

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrmKitCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a database command with <c>--db</c> pointing at this session's database.</summary>
    public (int Exit, string Output, string Error) Crm(params string[] args) => Run([.. args, "--db", Db]);

    /// <summary>Creates the database with the test schema.</summary>
    public CliSession Init()
    {
        var schema = File("schema.json", Schema);
        var (exit, output, error) = Crm("init", "--schema", schema);
        Assert.True(exit == 0, output + error);
        return this;
    }

    /// <summary>Writes a file in the folder (UTF-8, with a byte-order mark when asked) and returns its path.</summary>
    public string File(string name, string text, bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>Opens the database as the commands do; dispose it before running another command.</summary>
    public CrmDatabase Open() => DatabaseOption.Open(Db);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test; the temp folder is cleaned up by the system.
        }
    }
}
