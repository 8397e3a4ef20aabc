using CrmKit.Tests;
using CrmKit.Tests.Storage.Contract;

namespace CrmKit.PostgreSql.Tests.Contract;

// The identity and sync contracts on PostgreSQL, each in a database of its own on the shared cluster.

public sealed class IdentityOnPostgreSql(ContractServer server) : IdentityContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class SyncOnPostgreSql(ContractServer server) : SyncContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class TransferOnPostgreSql(ContractServer server) : TransferContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}
