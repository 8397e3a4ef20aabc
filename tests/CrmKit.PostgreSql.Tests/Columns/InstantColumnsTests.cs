using CrmKit.PostgreSql.Columns;
using CrmKit.PostgreSql.Tests.Schema;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Npgsql;

namespace CrmKit.PostgreSql.Tests.Columns;

public sealed class InstantColumnsTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Property(MaxTest = 100)]
    public Property An_instant_comes_back_with_its_offset_and_every_whole_microsecond() =>
        Prop.ForAll(Generators.Instant.ToArbitrary(), at =>
        {
            using var command = db.DataSource.CreateCommand("SELECT $1::timestamptz, $2::utc_offset");
            InstantColumns.Add(command.Parameters, at);
            using var reader = command.ExecuteReader();
            reader.Read();
            var back = InstantColumns.Read(reader, 0);
            var expected = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero).ToOffset(at.Offset);
            return back.EqualsExact(expected).Label($"{at:o} came back as {back:o}");
        });

    [Fact]
    public async Task A_missing_instant_is_null_in_both_columns()
    {
        await using var command = db.DataSource.CreateCommand("SELECT $1::timestamptz, $2::utc_offset");
        InstantColumns.Add(command.Parameters, (DateTimeOffset?)null);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Null(InstantColumns.ReadOptional(reader, 0));
        Assert.True(reader.IsDBNull(1));
    }

    [Fact]
    public async Task Sql_compares_instants_by_the_moment_whatever_their_offsets()
    {
        var early = new DateTimeOffset(2026, 5, 1, 23, 0, 0, TimeSpan.FromHours(-5));  // 04:00 UTC on the 2nd
        var late = new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.FromHours(+8));   // 02:00 UTC on the 2nd
        await using var command = db.DataSource.CreateCommand("SELECT $1::timestamptz > $3::timestamptz");
        InstantColumns.Add(command.Parameters, early);
        InstantColumns.Add(command.Parameters, late);

        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }
}
