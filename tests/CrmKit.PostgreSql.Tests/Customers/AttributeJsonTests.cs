using CrmKit.PostgreSql.Customers;
using CrmKit.PostgreSql.Tests.Schema;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.PostgreSql.Tests.Customers;

public sealed class AttributeJsonTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Property(MaxTest = 100)]
    public Property Attributes_come_back_from_jsonb_equal_with_decimal_scales_and_instant_offsets() =>
        Prop.ForAll(Generators.Attributes.ToArbitrary(), attributes =>
        {
            using var command = db.DataSource.CreateCommand("SELECT $1::text::jsonb::text");
            command.Parameters.Add(new NpgsqlParameter { Value = AttributeJson.Write(attributes) });
            var back = AttributeJson.Read((string)command.ExecuteScalar()!);
            return (back.Count == attributes.Count && attributes.All(a => back.TryGetValue(a.Key, out var v) && v.Equals(a.Value)))
                .Label($"{AttributeJson.Write(attributes)} came back as {AttributeJson.Write(back)}");
        });

    [Fact]
    public async Task Sql_reads_typed_values_out_of_the_attributes()
    {
        var json = AttributeJson.Write(new Dictionary<string, AttributeValue>
        {
            ["age"] = AttributeValue.Integer(41),
            ["income"] = AttributeValue.Decimal(12_345.50m),
            ["since"] = AttributeValue.Instant(new DateTimeOffset(2024, 1, 2, 8, 0, 0, TimeSpan.FromHours(8))),
            ["models"] = AttributeValue.TextList(["X5", "i4"]),
        });
        await using var command = db.DataSource.CreateCommand("""
            SELECT (a->'age'->>'v')::bigint > 40,
                   (a->'income'->>'v')::numeric = 12345.5,
                   (a->'since'->>'v')::timestamptz = timestamptz '2024-01-02 00:00:00+00',
                   a->'models'->'v' ? 'i4'
            FROM (SELECT $1 AS a) s
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal([true, true, true, true], Enumerable.Range(0, 4).Select(reader.GetBoolean));
    }
}
