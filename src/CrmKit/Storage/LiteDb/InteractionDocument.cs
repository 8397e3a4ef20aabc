using System.Buffers.Binary;
using System.Text;
using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Maps <see cref="Interaction"/> to and from its stored document, in the compact form. The key is
/// the customer code and the id together (<see cref="Key"/>), so a customer's interactions are one
/// range of the primary key, in id order, and neither the code nor the id is stored a second time
/// or needs an index of its own. Empty fields are left out and instants are single values
/// (<see cref="Bson.Moment"/>).
/// </summary>
internal static class InteractionDocument
{
    /// <summary>Ids take six bytes of the key: room for 2^48 interactions.</summary>
    private const int IdBytes = 6;
    private const long MaxId = (1L << (8 * IdBytes)) - 1;

    /// <summary>Bytes 0 and 1 of a code are written as 1 followed by 1 or 2, so 0 ends the code and no code's key is a prefix of another's.</summary>
    private const byte End = 0, Escape = 1;

    internal static BsonDocument ToBson(Interaction i, string code, long id)
    {
        var doc = new BsonDocument
        {
            ["_id"] = Key(code, id),
            ["k"] = i.Kind.Name,
            ["h"] = i.Channel.Name,
            ["t"] = Bson.Moment(i.OccurredAt),
        };
        if (i.Amount is { } amount) doc["m"] = amount;
        Bson.PutText(doc, "o", i.Outcome);
        Bson.PutText(doc, "n", i.Notes);
        Bson.PutText(doc, "s", i.Staff);
        if (i.Metadata.Count > 0) doc["x"] = Bson.Map(i.Metadata);
        doc["r"] = Bson.Moment(i.RecordedAt);
        return doc;
    }

    internal static Interaction FromBson(BsonDocument d)
    {
        var (code, id) = FromKey(d["_id"].AsBinary);
        return new(new CustomerCode(code), new InteractionKind(d["k"].AsString), new Channel(d["h"].AsString), Bson.ToMoment(d["t"]))
        {
            Id = id,
            Amount = d.TryGetValue("m", out var amount) ? amount.AsDecimal : null,
            Outcome = Bson.OptionalText(d, "o"),
            Notes = Bson.OptionalText(d, "n"),
            Staff = Bson.OptionalText(d, "s"),
            Metadata = d.TryGetValue("x", out var meta) ? Bson.ToMap(meta) : new Dictionary<string, string>(StringComparer.Ordinal),
            RecordedAt = Bson.ToMoment(d["r"]),
        };
    }

    /// <summary>The kind's name of a stored document, read without mapping the rest.</summary>
    internal static string KindOf(BsonDocument d) => d["k"].AsString;

    /// <summary>The key of interaction <paramref name="id"/> of <paramref name="code"/>: the code's UTF-8 bytes (escaped), a 0, and the id big-endian.</summary>
    internal static byte[] Key(string code, long id)
    {
        if (id < 1 || id > MaxId) throw new InvalidOperationException($"Interaction id {id} is outside the range the embedded store keys (1 to {MaxId}).");
        var prefix = Prefix(code);
        var key = new byte[prefix.Length + IdBytes];
        prefix.CopyTo(key, 0);
        Span<byte> id8 = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(id8, id);
        id8[(8 - IdBytes)..].CopyTo(key.AsSpan(prefix.Length));
        return key;
    }

    /// <summary>The first key of <paramref name="code"/>'s range: its escaped bytes and the 0 that ends them.</summary>
    internal static byte[] Prefix(string code)
    {
        var bytes = Encoding.UTF8.GetBytes(code);
        var escapes = 0;
        foreach (var b in bytes) if (b <= Escape) escapes++;
        var prefix = new byte[bytes.Length + escapes + 1];
        var at = 0;
        foreach (var b in bytes)
        {
            if (b <= Escape)
            {
                prefix[at++] = Escape;
                prefix[at++] = (byte)(b + 1);
            }
            else prefix[at++] = b;
        }
        prefix[at] = End;
        return prefix;
    }

    /// <summary>The first key after every key of <paramref name="code"/>'s range.</summary>
    internal static byte[] After(string code)
    {
        var after = Prefix(code);
        after[^1] = Escape;
        return after;
    }

    internal static (string Code, long Id) FromKey(byte[] key)
    {
        var bytes = new byte[key.Length - IdBytes - 1];
        var length = 0;
        var at = 0;
        for (; key[at] != End; at++) bytes[length++] = key[at] == Escape ? (byte)(key[++at] - 1) : key[at];
        Span<byte> id8 = stackalloc byte[8];
        key.AsSpan(at + 1, IdBytes).CopyTo(id8[(8 - IdBytes)..]);
        return (Encoding.UTF8.GetString(bytes, 0, length), BinaryPrimitives.ReadInt64BigEndian(id8));
    }
}
