using CrmKit.Cli;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Cli;

/// <summary>How <c>--db</c> values are read: files, URIs and key-value connection strings, and passwords kept out of what is shown.</summary>
public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("crm.db")]
    [InlineData("data/Host=x.db")]
    [InlineData("./Host=db;Database=crm")]
    [InlineData("postgresql.db")]
    public void Values_that_are_not_a_server_are_files(string value)
    {
        var target = DatabaseTarget.Parse(value);
        Assert.False(target.IsServer);
        Assert.Equal(Path.GetFullPath(value), target.FilePath);
    }

    [Fact]
    public void A_uri_gives_user_password_host_port_database_parameters_and_the_schema()
    {
        var target = DatabaseTarget.Parse("postgresql://app%40crm:p%3Ass%2Fw@db.internal:6543/crm%20main?schema=tenant_1&sslmode=require&application_name=nightly");
        var b = new NpgsqlConnectionStringBuilder(target.Server!.ConnectionString);
        Assert.Equal(("app@crm", "p:ss/w", "db.internal", 6543, "crm main"), (b.Username, b.Password, b.Host, b.Port, b.Database));
        Assert.Equal((SslMode.Require, "nightly"), (b.SslMode, b.ApplicationName));
        Assert.Equal("tenant_1", target.Server.Schema);
        Assert.Equal("postgresql://app@crm@db.internal:6543/crm main schema tenant_1", target.Display);
    }

    [Fact]
    public void A_uri_may_name_a_socket_folder_or_an_ipv6_host_and_defaults_the_schema()
    {
        var socket = new NpgsqlConnectionStringBuilder(DatabaseTarget.Parse("postgres:///crm?host=/var/run/postgresql").Server!.ConnectionString);
        Assert.Equal(("/var/run/postgresql", "crm"), (socket.Host, socket.Database));
        var ipv6 = DatabaseTarget.Parse("postgresql://[::1]:5433/crm");
        Assert.Equal(("::1", 5433), (new NpgsqlConnectionStringBuilder(ipv6.Server!.ConnectionString).Host, new NpgsqlConnectionStringBuilder(ipv6.Server.ConnectionString).Port));
        Assert.Equal(PostgreSqlStoreOptions.DefaultSchema, ipv6.Server.Schema);
    }

    [Fact]
    public void A_key_value_string_takes_its_schema_apart_from_the_connection()
    {
        var target = DatabaseTarget.Parse(" host = db;Database=crm;Username=app;Schema=tenant_2");
        Assert.Equal("tenant_2", target.Server!.Schema);
        Assert.DoesNotContain("schema", target.Server.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("db", new NpgsqlConnectionStringBuilder(target.Server.ConnectionString).Host);
    }

    [Theory]
    [InlineData("postgresql://db:99999/crm", "port")]
    [InlineData("postgresql://db/crm?no_such_key=1", "no_such_key")]
    [InlineData("Host=db;Schema=Upper", "schema")]
    public void A_bad_server_value_is_a_usage_error(string value, string named)
    {
        var e = Assert.Throws<CommandFailure>(() => DatabaseTarget.Parse(value));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains(named, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Property(MaxTest = 200)]
    public Property A_password_comes_through_a_uri_whole_and_is_never_shown() =>
        Prop.ForAll(Generators.UnicodeText.Where(p => p.Length >= 3).ToArbitrary(), password =>
        {
            var uri = $"postgresql://app:{Uri.EscapeDataString(password)}@db:5432/crm?schema=crmkit";
            var target = DatabaseTarget.Parse(uri);
            var keyValue = DatabaseTarget.Parse(new NpgsqlConnectionStringBuilder { Host = "db", Username = "app", Password = password }.ConnectionString);
            return new NpgsqlConnectionStringBuilder(target.Server!.ConnectionString).Password == password
                && new NpgsqlConnectionStringBuilder(keyValue.Server!.ConnectionString).Password == password
                && !target.Display.Contains(password, StringComparison.Ordinal)
                && !keyValue.Display.Contains(password, StringComparison.Ordinal);
        });
}
