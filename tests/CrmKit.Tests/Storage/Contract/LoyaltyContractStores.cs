namespace CrmKit.Tests.Storage.Contract;

// The loyalty and snapshot-needs contracts on each store of this test project.

public sealed class LoyaltyOnLiteMemory : LoyaltyContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class LoyaltyOnLiteFile : LoyaltyContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class LoyaltyOnPlainMemory : LoyaltyContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class SnapshotNeedsOnLiteMemory : SnapshotNeedsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class SnapshotNeedsOnLiteFile : SnapshotNeedsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class SnapshotNeedsOnPlainMemory : SnapshotNeedsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}
