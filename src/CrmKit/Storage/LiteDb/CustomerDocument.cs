using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Maps <see cref="Customer"/> to and from its stored document, in the compact form: one- or
/// two-letter field names, nothing written for an empty or unset field, instants as single values
/// (<see cref="Bson.Moment"/>), attribute values in their own BSON type (the type travels with the
/// value), and the update and stage instants left out while they equal the creation instant.
/// </summary>
internal static class CustomerDocument
{
    internal const string Name = "n";
    internal const string Attributes = "a";

    /// <summary>The attribute index keys (<see cref="AttributeIndex.Keys(Customer)"/>), indexed.</summary>
    internal const string AttributeKeys = "k";

    /// <summary>The tags, indexed.</summary>
    internal const string Tags = "t";
    internal const string ContactPoints = "p";
    internal const string Granted = "cg";
    internal const string Withdrawn = "cw";

    /// <summary>The owner, indexed.</summary>
    internal const string Owner = "o";

    /// <summary>The grade (queried as "graded").</summary>
    internal const string Grade = "g";
    internal const string GradeReviewedAt = "ga";
    internal const string Group = "gp";
    internal const string Birthday = "b";
    internal const string TimeZone = "z";

    /// <summary>The stage, indexed.</summary>
    internal const string Stage = "s";
    internal const string StageSince = "sa";
    internal const string CreatedAt = "ca";
    internal const string UpdatedAt = "ua";
    internal const string Version = "v";
    internal const string ErasedAt = "e";

    /// <summary>An instant attribute is a one-field document, so it cannot be taken for an integer or a decimal.</summary>
    private const string InstantAttribute = "i";

    internal static BsonDocument ToBson(Customer c)
    {
        var doc = new BsonDocument { ["_id"] = c.Code.Value, [Name] = c.Name };
        if (c.Attributes.Count > 0)
        {
            var attrs = new BsonDocument();
            foreach (var (name, value) in c.Attributes) attrs[name] = AttributeToBson(value);
            doc[Attributes] = attrs;
            doc[AttributeKeys] = Bson.Strings(AttributeIndex.Keys(c));
        }
        if (c.Tags.Count > 0) doc[Tags] = Bson.Strings(c.Tags);
        // A contact kind is an identifier, so it has no ':' and the first one separates it from the value.
        if (c.ContactPoints.Count > 0) doc[ContactPoints] = Bson.Strings(c.ContactPoints.Select(p => p.Kind + ":" + p.Value));
        PutConsents(doc, Granted, c.Consents, granted: true);
        PutConsents(doc, Withdrawn, c.Consents, granted: false);
        Bson.PutText(doc, Owner, c.Owner);
        Bson.PutText(doc, Grade, c.Grade);
        Bson.PutMoment(doc, GradeReviewedAt, c.GradeReviewedAt);
        if (c.Group is { } group) doc[Group] = new BsonArray { (int)group.Kind, group.Id };
        if (c.Birthday is { } b) doc[Birthday] = b.DayNumber;
        Bson.PutText(doc, TimeZone, c.TimeZone);
        doc[Stage] = c.Stage.Name;
        doc[CreatedAt] = Bson.Moment(c.CreatedAt);
        if (!c.StageSince.EqualsExact(c.CreatedAt)) doc[StageSince] = Bson.Moment(c.StageSince);
        if (!c.UpdatedAt.EqualsExact(c.CreatedAt)) doc[UpdatedAt] = Bson.Moment(c.UpdatedAt);
        if (c.Version != 1) doc[Version] = c.Version;
        Bson.PutMoment(doc, ErasedAt, c.ErasedAt);
        return doc;
    }

    internal static Customer FromBson(BsonDocument d)
    {
        var created = Bson.ToMoment(d[CreatedAt]);
        return new Customer(new CustomerCode(d["_id"].AsString), d[Name].AsString)
        {
            Attributes = d.TryGetValue(Attributes, out var attrs) ? ToAttributes(attrs.AsDocument) : new Dictionary<string, AttributeValue>(),
            Tags = d.TryGetValue(Tags, out var tags) ? Bson.ToStrings(tags) : [],
            ContactPoints = d.TryGetValue(ContactPoints, out var points) ? ToContactPoints(points.AsArray) : [],
            Consents = ToConsents(d),
            Owner = Bson.OptionalText(d, Owner),
            Grade = Bson.OptionalText(d, Grade),
            GradeReviewedAt = Bson.OptionalMoment(d, GradeReviewedAt),
            Group = d.TryGetValue(Group, out var group) ? new CustomerGroup((CustomerGroupKind)group[0].AsInt32, group[1].AsString) : null,
            Birthday = d.TryGetValue(Birthday, out var birthday) ? DateOnly.FromDayNumber(birthday.AsInt32) : null,
            TimeZone = Bson.OptionalText(d, TimeZone),
            Stage = new StageId(d[Stage].AsString),
            StageSince = Bson.OptionalMoment(d, StageSince) ?? created,
            CreatedAt = created,
            UpdatedAt = Bson.OptionalMoment(d, UpdatedAt) ?? created,
            Version = d.TryGetValue(Version, out var version) ? version.AsInt32 : 1,
            ErasedAt = Bson.OptionalMoment(d, ErasedAt),
        };
    }

    /// <summary>The stored version of a customer document.</summary>
    internal static int VersionOf(BsonDocument d) => d.TryGetValue(Version, out var version) ? version.AsInt32 : 1;

    private static void PutConsents(BsonDocument doc, string field, IReadOnlyDictionary<Channel, Consent> consents, bool granted)
    {
        BsonDocument? map = null;
        foreach (var (channel, consent) in consents)
        {
            if (consent.Granted == granted) (map ??= [])[channel.Name] = Bson.Moment(consent.At);
        }
        if (map is not null) doc[field] = map;
    }

    private static Dictionary<Channel, Consent> ToConsents(BsonDocument d)
    {
        var consents = new Dictionary<Channel, Consent>();
        if (d.TryGetValue(Granted, out var granted))
        {
            foreach (var (channel, at) in granted.AsDocument) consents[new Channel(channel)] = new Consent(true, Bson.ToMoment(at));
        }
        if (d.TryGetValue(Withdrawn, out var withdrawn))
        {
            foreach (var (channel, at) in withdrawn.AsDocument) consents[new Channel(channel)] = new Consent(false, Bson.ToMoment(at));
        }
        return consents;
    }

    private static ContactPoint[] ToContactPoints(BsonArray points)
    {
        var result = new ContactPoint[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var text = points[i].AsString;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            result[i] = new ContactPoint(text[..colon], text[(colon + 1)..]);
        }
        return result;
    }

    private static Dictionary<string, AttributeValue> ToAttributes(BsonDocument attrs)
    {
        var result = new Dictionary<string, AttributeValue>(attrs.Count, StringComparer.Ordinal);
        foreach (var (name, value) in attrs) result[name] = AttributeFromBson(value);
        return result;
    }

    private static BsonValue AttributeToBson(AttributeValue value) =>
        TypedAttribute.ValueToBson(value, instant => new BsonDocument { [InstantAttribute] = Bson.Moment(instant) });

    private static AttributeValue AttributeFromBson(BsonValue v) => v.Type switch
    {
        BsonType.String => AttributeValue.FromRaw(AttributeType.Text, v.AsString),
        BsonType.Int64 => AttributeValue.FromRaw(AttributeType.Integer, v.AsInt64),
        BsonType.Decimal => AttributeValue.FromRaw(AttributeType.Decimal, v.AsDecimal),
        BsonType.Boolean => AttributeValue.FromRaw(AttributeType.Boolean, v.AsBoolean),
        BsonType.Int32 => AttributeValue.FromRaw(AttributeType.Date, DateOnly.FromDayNumber(v.AsInt32)),
        BsonType.Document => AttributeValue.FromRaw(AttributeType.Instant, Bson.ToMoment(v[InstantAttribute])),
        BsonType.Array => AttributeValue.FromRaw(AttributeType.TextList, Bson.ToStrings(v)),
        _ => throw new InvalidOperationException($"Unknown stored attribute value of BSON type {v.Type}."),
    };
}
