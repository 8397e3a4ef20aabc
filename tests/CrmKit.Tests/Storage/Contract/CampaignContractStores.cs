namespace CrmKit.Tests.Storage.Contract;

// The campaign contract on each store of this test project.

public sealed class CampaignOnLiteMemory : CampaignContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.InMemory(configure);
}

public sealed class CampaignOnLiteFile : CampaignContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnFile(configure);
}

public sealed class CampaignOnPlainMemory : CampaignContract
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => TestDatabase.OnStore(_ => new CrmKit.Tests.Storage.Memory.MemoryStore(), configure);
}
