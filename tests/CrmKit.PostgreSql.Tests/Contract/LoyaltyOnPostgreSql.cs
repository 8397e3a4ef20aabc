using CrmKit.Tests;
using CrmKit.Tests.Storage.Contract;

namespace CrmKit.PostgreSql.Tests.Contract;

// The loyalty and snapshot-needs contracts on PostgreSQL, each class in a database of its own.

public sealed class LoyaltyOnPostgreSql(ContractServer server) : LoyaltyContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}

public sealed class SnapshotNeedsOnPostgreSql(ContractServer server) : SnapshotNeedsContract, IClassFixture<ContractServer>
{
    protected override TestDatabase Open(Func<CrmOptions, CrmOptions>? configure = null) => server.Open(configure);
}
