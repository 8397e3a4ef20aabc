namespace CrmKit.Tests.Storage.Contract;

// The identity and sync contracts on each store of this test project.

public sealed class IdentityOnLiteMemory : IdentityContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class IdentityOnLiteFile : IdentityContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class IdentityOnPlainMemory : IdentityContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class SyncOnLiteMemory : SyncContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class SyncOnLiteFile : SyncContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class SyncOnPlainMemory : SyncContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}

public sealed class TransferOnLiteMemory : TransferContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class TransferOnLiteFile : TransferContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class TransferOnPlainMemory : TransferContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}
