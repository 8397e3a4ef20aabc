using Npgsql;

namespace CrmKit.PostgreSql.Columns;

/// <summary>
/// An instant in two columns: a <c>timestamptz</c> (what SQL compares and indexes) and the offset
/// it was recorded with, in minutes east of UTC (type <c>utc_offset</c>), named after it
/// (<c>created_at</c> / <c>created_offset</c>). <c>timestamptz</c> keeps microseconds, so the
/// last tenth of a microsecond of a .NET instant is not kept.
/// </summary>
internal static class InstantColumns
{
    /// <summary>The value for the <c>timestamptz</c> column: the instant in UTC.</summary>
    internal static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>The value for the offset column.</summary>
    internal static short Offset(DateTimeOffset value) => checked((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    /// <summary>Adds the two parameters of an instant, in column order.</summary>
    internal static void Add(NpgsqlParameterCollection parameters, DateTimeOffset value)
    {
        parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(value) });
        parameters.Add(new NpgsqlParameter<short> { TypedValue = Offset(value) });
    }

    /// <summary>Adds the two parameters of an optional instant: both null when it is.</summary>
    internal static void Add(NpgsqlParameterCollection parameters, DateTimeOffset? value)
    {
        parameters.Add(new NpgsqlParameter { Value = value is { } v ? Utc(v) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = value is { } o ? Offset(o) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
    }

    /// <summary>The instant read from the <c>timestamptz</c> at <paramref name="at"/> and the offset right after it.</summary>
    internal static DateTimeOffset Read(NpgsqlDataReader reader, int at)
    {
        var utc = DateTime.SpecifyKind(reader.GetDateTime(at), DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(at + 1)));
    }

    /// <summary>As <see cref="Read"/>, or null when the <c>timestamptz</c> is null.</summary>
    internal static DateTimeOffset? ReadOptional(NpgsqlDataReader reader, int at) => reader.IsDBNull(at) ? null : Read(reader, at);
}
