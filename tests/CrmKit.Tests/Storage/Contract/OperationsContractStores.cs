namespace CrmKit.Tests.Storage.Contract;

// The service-operations contract on each store of this test project.

public sealed class OperationsOnLiteMemory : OperationsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class OperationsOnLiteFile : OperationsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class OperationsOnPlainMemory : OperationsContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}
