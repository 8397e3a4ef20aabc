namespace CrmKit.Scripting.Tests.Compilation;

public class DiskCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmkit-script-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_new_engine_loads_a_known_script_from_the_cache_folder()
    {
        const string source = "Customer.HasTag(\"vip\") && Customer.MonetaryTotal > 100m";
        string hash;
        using (var first = new ScriptEngine(new ScriptEngineOptions { CacheDirectory = _folder }).CompileSegment(source, "vip.csx"))
            hash = first.Hash;
        Assert.True(File.Exists(Path.Combine(_folder, hash + ".dll")));
        Assert.True(File.Exists(Path.Combine(_folder, hash + ".pdb")));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        var restarted = new ScriptEngine(new ScriptEngineOptions { CacheDirectory = _folder });
        using var second = restarted.CompileSegment(source, "vip.csx");
        Assert.Equal(hash, second.Hash);
        Assert.True(second.Evaluate(TestCustomer.View, TestCustomer.Context()));
    }

    [Fact]
    public void A_rejected_script_writes_nothing_to_the_cache_folder()
    {
        var engine = new ScriptEngine(new ScriptEngineOptions { CacheDirectory = _folder });
        Assert.Throws<ScriptCompilationException>(() => engine.CompileSegment("System.IO.File.Exists(\"/\")", "io.csx"));
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(120_000)]
    public void Out_of_range_time_budgets_are_refused(int milliseconds) =>
        Assert.Throws<ArgumentException>(() => new ScriptEngine(new ScriptEngineOptions { TimeBudget = TimeSpan.FromMilliseconds(milliseconds) }));
}
