using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CrmKit.Benchmarks.PostgreSql;

/// <summary>
/// The short job run in process with room for a long set-up: filling a 100,000-customer base on a
/// server takes minutes, longer than the in-process toolchain's default limit for one benchmark.
/// </summary>
public sealed class LongSetupConfig : ManualConfig
{
    public LongSetupConfig() =>
        AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(40), logOutput: true)));
}
