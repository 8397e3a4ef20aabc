using Npgsql;
using NpgsqlTypes;

namespace CrmKit.PostgreSql;

/// <summary>Parameter and column helpers: instants as (UTC timestamptz, offset minutes) pairs, nulls, arrays.</summary>
internal static class Sql
{
    internal static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        Pair => throw new InvalidOperationException("An instant's pair of columns is spread by Sql.Args."),
        Typed t => new NpgsqlParameter { Value = t.Value ?? DBNull.Value, NpgsqlDbType = t.Type },
        DateTimeOffset => throw new InvalidOperationException("Instants are bound as two columns: use Sql.At or Sql.OptionalAt."),
        _ => new NpgsqlParameter { Value = value },
    };

    /// <summary>A null or value with an explicit type, where the server cannot infer it.</summary>
    internal sealed record Typed(object? Value, NpgsqlDbType Type);

    internal static Typed Text(string? value) => new(value, NpgsqlDbType.Text);

    /// <summary>UTC instants as a <c>timestamptz[]</c>, typed explicitly: an empty or all-null array says nothing of its kind.</summary>
    internal static Typed Instants(DateTime?[] utc) => new(utc, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);

    /// <inheritdoc cref="Instants(DateTime?[])"/>
    internal static Typed Instants(DateTime[] utc) => new(utc, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);

    /// <summary>An instant's two columns; <see cref="Args"/> spreads them.</summary>
    internal sealed record Pair(object? Utc, object? Offset);

    internal static Pair At(DateTimeOffset value) => new(value.UtcDateTime, Offset(value));

    internal static Pair OptionalAt(DateTimeOffset? value) =>
        value is { } v ? At(v) : new(new Typed(null, NpgsqlDbType.TimestampTz), new Typed(null, NpgsqlDbType.Smallint));

    internal static short Offset(DateTimeOffset value) => checked((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    internal static DateTimeOffset At(NpgsqlDataReader r, int i) => Instant(r.GetDateTime(i), r.GetInt16(i + 1));

    internal static DateTimeOffset? OptionalAt(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : At(r, i);

    internal static DateTimeOffset Instant(DateTime utc, short offset) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(offset));

    internal static string? OptionalText(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static T[] Array<T>(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? [] : r.GetFieldValue<T[]>(i);

    /// <summary>Flattens parameter groups (single values and instant pairs) into one positional list.</summary>
    internal static object?[] Args(params object?[] parts)
    {
        var list = new List<object?>();
        foreach (var p in parts)
        {
            if (p is Pair pair)
            {
                list.Add(pair.Utc);
                list.Add(pair.Offset);
            }
            else list.Add(p);
        }
        return [.. list];
    }
}
