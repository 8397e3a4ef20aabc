using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit;

/// <summary>
/// Reads the fields of one restored row by column, each failure naming the file, line and column
/// (<c>customers.csv(line 7) created-at: …</c>), and writes the values of exported rows in their
/// one text form: instants as ISO 8601 with their offset and every tick, dates as <c>yyyy-MM-dd</c>.
/// </summary>
internal readonly struct RowFields(JsonObject row, string file, int line)
{
    internal static JsonNode? Instant(DateTimeOffset? value) => value is { } v ? JsonValue.Create(v.ToString("o", CultureInfo.InvariantCulture)) : null;

    internal static JsonNode? Date(DateOnly? value) => value is { } v ? JsonValue.Create(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    internal static JsonNode? TextNode(string? value) => value is null ? null : JsonValue.Create(value);

    internal CrmValidationException Fail(string column, string reason) => new($"{file}(line {line}) {column}", reason);

    internal string Text(string column) => OptionalText(column) ?? throw Fail(column, "is required but was empty.");

    internal string? OptionalText(string column) => Get(column, n => n.GetValue<string>(), "text");

    internal DateTimeOffset Instant(string column) => OptionalInstant(column) ?? throw Fail(column, "is required but was empty.");

    internal DateTimeOffset? OptionalInstant(string column) => Get(column, n =>
        DateTimeOffset.ParseExact(n.GetValue<string>(), "o", CultureInfo.InvariantCulture, DateTimeStyles.None), "instant (ISO 8601 with offset)");

    internal DateOnly? OptionalDate(string column) => Get(column, n =>
        DateOnly.ParseExact(n.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), "date (yyyy-MM-dd)");

    internal long Integer(string column) => Get(column, n => n.GetValue<long>(), "whole number") ?? throw Fail(column, "is required but was empty.");

    internal decimal? OptionalDecimal(string column) => Get(column, n => n.GetValue<decimal>(), "number");

    internal bool Boolean(string column) => Get(column, n => n.GetValue<bool>(), "true or false") ?? throw Fail(column, "is required but was empty.");

    internal T Enum<T>(string column) where T : struct, System.Enum
    {
        var text = Text(column);
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Fail(column, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    /// <summary>A nested value (object or array), or null.</summary>
    internal JsonNode? Json(string column) => row[column];

    /// <summary>Runs a conversion of a nested value, turning what it throws into a failure of the column.</summary>
    internal T Nested<T>(string column, Func<JsonNode?, T> read)
    {
        try
        {
            return read(row[column]);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            throw Fail(column, $"is not as an export writes it: {e.Message}");
        }
        catch (CrmValidationException e)
        {
            throw Fail(column, $"{e.Field}: {e.Reason}");
        }
    }

    /// <summary>Runs the domain's check of a whole row; a failure names the row and the field the domain named.</summary>
    internal T Checked<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (CrmValidationException e)
        {
            throw Fail(e.Field, e.Reason);
        }
    }

    private T? Get<T>(string column, Func<JsonNode, T> read, string what) where T : struct
    {
        if (row[column] is not { } node) return null;
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw Fail(column, $"expects a {what} but got {node.ToJsonString()}.");
        }
    }

    private string? Get(string column, Func<JsonNode, string> read, string what)
    {
        if (row[column] is not { } node) return null;
        try
        {
            return read(node);
        }
        catch (InvalidOperationException)
        {
            throw Fail(column, $"expects a {what} but got {node.ToJsonString()}.");
        }
    }
}
