using Xunit.Abstractions;

namespace CrmKit.Tests.Storage.Contract;

// The store contract suite on the embedded LiteDB store, on a file (one class per contract).

public sealed class StatsOnLiteFile : StatsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class LifecycleOnLiteFile : LifecycleContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class MergeOnLiteFile : MergeContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class EraseOnLiteFile : EraseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class RoundTripOnLiteFile : RoundTripContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class RejectedOperationOnLiteFile : RejectedOperationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class SegmentOnLiteFile : SegmentContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class CareOnLiteFile : CareContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class UnitOfWorkOnLiteFile : UnitOfWorkContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class ConfigurationOnLiteFile : ConfigurationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class CaseOnLiteFile : CaseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

/// <summary>The crash test needs a store that outlives its process: it runs on the file store.</summary>
public sealed class CrashOnLiteFile(ITestOutputHelper output) : CrashContract(output);
