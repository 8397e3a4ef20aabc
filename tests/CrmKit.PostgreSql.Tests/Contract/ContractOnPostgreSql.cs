using CrmKit.Tests;
using CrmKit.Tests.Storage.Contract;

namespace CrmKit.PostgreSql.Tests.Contract;

// The store contract suite on PostgreSQL: one class per contract, each in a database of its own on
// the shared cluster, each database the suite opens a fresh schema. The crash contract kills a
// process writing a file; the server's crash tests are in Store/MultiProcessTests.cs.

public sealed class StatsOnPostgreSql(ContractServer server) : StatsContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class LifecycleOnPostgreSql(ContractServer server) : LifecycleContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class MergeOnPostgreSql(ContractServer server) : MergeContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class EraseOnPostgreSql(ContractServer server) : EraseContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class RoundTripOnPostgreSql(ContractServer server) : RoundTripContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class RejectedOperationOnPostgreSql(ContractServer server) : RejectedOperationContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class SegmentOnPostgreSql(ContractServer server) : SegmentContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class CareOnPostgreSql(ContractServer server) : CareContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class UnitOfWorkOnPostgreSql(ContractServer server) : UnitOfWorkContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class ConfigurationOnPostgreSql(ContractServer server) : ConfigurationContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class CaseOnPostgreSql(ContractServer server) : CaseContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class CampaignOnPostgreSql(ContractServer server) : CampaignContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class OperationsOnPostgreSql(ContractServer server) : OperationsContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}
