namespace CrmKit.Tests.Storage.Contract;

// The store contract suite on a store of plain collections (no LiteDB; the crash test needs a file).

public sealed class StatsOnPlainMemory : StatsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class LifecycleOnPlainMemory : LifecycleContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class MergeOnPlainMemory : MergeContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class EraseOnPlainMemory : EraseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class RoundTripOnPlainMemory : RoundTripContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class RejectedOperationOnPlainMemory : RejectedOperationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class SegmentOnPlainMemory : SegmentContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class CareOnPlainMemory : CareContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class UnitOfWorkOnPlainMemory : UnitOfWorkContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class ConfigurationOnPlainMemory : ConfigurationContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class CaseOnPlainMemory : CaseContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

