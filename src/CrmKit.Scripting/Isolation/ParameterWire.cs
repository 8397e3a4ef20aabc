namespace CrmKit.Scripting;

/// <summary>
/// Script parameters on the wire: plain values (text, numbers, booleans, instants, dates, times and
/// durations) and arrays or lists of them, read back as the same types.
/// </summary>
internal static class ParameterWire
{
    private static readonly Type[] Scalars =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(DateTime), typeof(TimeSpan), typeof(TimeOnly),
    ];

    /// <summary>Whether a worker can receive <paramref name="value"/>; when not, why.</summary>
    internal static string? WhyNot(object? value)
    {
        if (value is null || Array.IndexOf(Scalars, value.GetType()) >= 0) return null;
        var type = value.GetType();
        var element = type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        return element is not null && Array.IndexOf(Scalars, element) >= 0
            ? null
            : $"{type.Name} is not a plain value (text, number, boolean, date, time, duration) or an array or list of them";
    }

    internal static void Write(BinaryWriter w, ScriptParameters parameters)
    {
        w.Write(parameters.Count);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(name);
            WriteValue(w, value);
        }
    }

    internal static ScriptParameters Read(BinaryReader r)
    {
        var count = r.ReadInt32();
        var values = new KeyValuePair<string, object?>[count];
        for (var i = 0; i < count; i++) values[i] = new(r.ReadString(), ReadValue(r));
        return new ScriptParameters(values);
    }

    private static void WriteValue(BinaryWriter w, object? value)
    {
        if (value is null)
        {
            w.Write((byte)0);
            return;
        }
        var type = value.GetType();
        var scalar = Array.IndexOf(Scalars, type);
        if (scalar >= 0)
        {
            w.Write((byte)(1 + scalar));
            WriteScalar(w, scalar, value);
            return;
        }
        var isList = !type.IsArray;
        var element = isList ? type.GetGenericArguments()[0] : type.GetElementType()!;
        var items = (System.Collections.IList)value;
        w.Write((byte)(isList ? 200 : 100));
        w.Write((byte)Array.IndexOf(Scalars, element));
        w.Write(items.Count);
        var index = Array.IndexOf(Scalars, element);
        foreach (var item in items)
        {
            w.Write(item is not null);
            if (item is not null) WriteScalar(w, index, item);
        }
    }

    private static object? ReadValue(BinaryReader r)
    {
        var tag = r.ReadByte();
        if (tag == 0) return null;
        if (tag < 100) return ReadScalar(r, tag - 1);
        var index = r.ReadByte();
        var count = r.ReadInt32();
        var array = Array.CreateInstance(Scalars[index], count);
        for (var i = 0; i < count; i++)
            if (r.ReadBoolean()) array.SetValue(ReadScalar(r, index), i);
        if (tag == 100) return array;
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(Scalars[index]), count)!;
        foreach (var item in array) list.Add(item);
        return list;
    }

    private static void WriteScalar(BinaryWriter w, int index, object value)
    {
        switch (value)
        {
            case string s: w.Write(s); break;
            case bool b: w.Write(b); break;
            case int i: w.Write(i); break;
            case long l: w.Write(l); break;
            case decimal m: w.Write(m); break;
            case double d: w.Write(d); break;
            case DateTimeOffset o: w.WriteInstant(o); break;
            case DateOnly d: w.Write(d.DayNumber); break;
            case DateTime t: w.Write(t.ToBinary()); break;
            case TimeSpan t: w.Write(t.Ticks); break;
            case TimeOnly t: w.Write(t.Ticks); break;
            default: throw new InvalidDataException($"Parameter value {index} cannot be written.");
        }
    }

    private static object ReadScalar(BinaryReader r, int index) => index switch
    {
        0 => r.ReadString(),
        1 => r.ReadBoolean(),
        2 => r.ReadInt32(),
        3 => r.ReadInt64(),
        4 => r.ReadDecimal(),
        5 => r.ReadDouble(),
        6 => r.ReadInstant(),
        7 => DateOnly.FromDayNumber(r.ReadInt32()),
        8 => DateTime.FromBinary(r.ReadInt64()),
        9 => new TimeSpan(r.ReadInt64()),
        10 => new TimeOnly(r.ReadInt64()),
        _ => throw new InvalidDataException($"Unknown parameter type {index}."),
    };
}
