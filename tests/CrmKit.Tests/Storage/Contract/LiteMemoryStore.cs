namespace CrmKit.Tests.Storage.Contract;

// The store contract suite on the embedded LiteDB store, in memory (one class per contract; the crash test needs a file).

public sealed class StatsOnLiteMemory : StatsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class LifecycleOnLiteMemory : LifecycleContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class MergeOnLiteMemory : MergeContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class EraseOnLiteMemory : EraseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class RoundTripOnLiteMemory : RoundTripContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class RejectedOperationOnLiteMemory : RejectedOperationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class SegmentOnLiteMemory : SegmentContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class CareOnLiteMemory : CareContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class UnitOfWorkOnLiteMemory : UnitOfWorkContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class ConfigurationOnLiteMemory : ConfigurationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class CaseOnLiteMemory : CaseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

