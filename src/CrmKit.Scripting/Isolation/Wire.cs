using CrmKit.Value;

namespace CrmKit.Scripting;

/// <summary>
/// The compact binary encoding of what the host and a script worker exchange: customers, parameters,
/// diagnostics and care proposals. Both sides are this assembly, so the format needs no versioning.
/// </summary>
internal static class Wire
{
    internal static void WriteInstant(this BinaryWriter w, DateTimeOffset value)
    {
        w.Write(value.Ticks);
        w.Write((short)value.Offset.TotalMinutes);
    }

    internal static DateTimeOffset ReadInstant(this BinaryReader r) => new(r.ReadInt64(), TimeSpan.FromMinutes(r.ReadInt16()));

    internal static void WriteOptional(this BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    internal static string? ReadOptional(this BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    internal static void WriteOptional(this BinaryWriter w, DateTimeOffset? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.WriteInstant(v);
    }

    internal static DateTimeOffset? ReadOptionalInstant(this BinaryReader r) => r.ReadBoolean() ? r.ReadInstant() : null;

    /// <summary>Writes <paramref name="c"/> with only the variable parts in <paramref name="parts"/>; <see cref="ReadCustomer"/> must be given the same parts.</summary>
    internal static void WriteCustomer(this BinaryWriter w, CustomerParts c, ViewParts parts = ViewParts.All)
    {
        w.Write(c.Code);
        w.Write(c.Name);
        if ((parts & ViewParts.Tags) != 0)
        {
            w.Write(c.Tags.Count);
            foreach (var tag in c.Tags) w.Write(tag);
        }
        if ((parts & ViewParts.Attributes) != 0)
        {
            w.Write(c.Attributes.Count);
            foreach (var (name, value) in c.Attributes)
            {
                w.Write(name);
                w.WriteAttribute(value);
            }
        }
        if ((parts & ViewParts.ContactPoints) != 0)
        {
            w.Write(c.ContactPoints.Count);
            foreach (var point in c.ContactPoints)
            {
                w.Write(point.Kind);
                w.Write(point.Value);
            }
        }
        if ((parts & ViewParts.Consents) != 0)
        {
            w.Write(c.Consents.Count);
            foreach (var (channel, consent) in c.Consents)
            {
                w.Write(channel.Name);
                w.Write(consent.Granted);
                w.WriteInstant(consent.At);
            }
        }
        w.Write(c.Group is null ? (byte)255 : (byte)c.Group.Kind);
        if (c.Group is not null) w.Write(c.Group.Id);
        w.WriteOptional(c.Grade);
        w.WriteOptional(c.Owner);
        w.Write(c.Stage);
        w.WriteInstant(c.StageSince);
        w.Write(c.Birthday?.DayNumber ?? -1);
        w.WriteOptional(c.TimeZone);
        w.WriteInstant(c.CreatedAt);
        w.WriteStats(c.Stats);
        if ((parts & ViewParts.Value) != 0) w.WriteValue(c.Value);
        // The parts loaded only for scripts that read them follow, each only when the script reads it.
        if ((parts & (ViewParts.Metadata | ViewParts.Segments | ViewParts.FollowUp)) != 0) w.WriteExtras(c, parts);
    }

    private static void WriteValue(this BinaryWriter w, CustomerValue? value)
    {
        w.Write(value is not null);
        if (value is { } v)
        {
            w.Write(v.CustomerCode);
            w.Write(v.ProbabilityAlive);
            w.Write(v.ExpectedPurchasesNextPeriod);
            w.Write(v.ExpectedSpend);
            w.Write(v.LifetimeValue);
            w.Write(v.PastValue);
            w.Write((byte)v.Rfm.Recency);
            w.Write((byte)v.Rfm.Frequency);
            w.Write((byte)v.Rfm.Monetary);
            w.Write(v.Tier.Rank);
            w.Write(v.Tier.Name);
            w.Write((byte)v.Quadrant);
        }
    }

    /// <summary>Reads a customer written with <paramref name="parts"/>; the parts left out are empty.</summary>
    internal static CustomerParts ReadCustomer(this BinaryReader r, ViewParts parts = ViewParts.All)
    {
        var code = r.ReadString();
        var name = r.ReadString();
        var tags = (parts & ViewParts.Tags) != 0 ? new string[r.ReadInt32()] : [];
        for (var i = 0; i < tags.Length; i++) tags[i] = r.ReadString();
        var count = (parts & ViewParts.Attributes) != 0 ? r.ReadInt32() : 0;
        var attributes = new Dictionary<string, AttributeValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) attributes[r.ReadString()] = r.ReadAttribute();
        var contacts = (parts & ViewParts.ContactPoints) != 0 ? new ContactPoint[r.ReadInt32()] : [];
        for (var i = 0; i < contacts.Length; i++) contacts[i] = new ContactPoint(r.ReadString(), r.ReadString());
        count = (parts & ViewParts.Consents) != 0 ? r.ReadInt32() : 0;
        var consents = new Dictionary<Channel, Consent>(count);
        for (var i = 0; i < count; i++) consents[new Channel(r.ReadString())] = new Consent(r.ReadBoolean(), r.ReadInstant());
        var groupKind = r.ReadByte();
        var group = groupKind == 255 ? null : new CustomerGroup((CustomerGroupKind)groupKind, r.ReadString());
        var grade = r.ReadOptional();
        var owner = r.ReadOptional();
        var stage = r.ReadString();
        var stageSince = r.ReadInstant();
        var day = r.ReadInt32();
        var timeZone = r.ReadOptional();
        var createdAt = r.ReadInstant();
        var stats = r.ReadStats();
        CustomerValue? value = null;
        if ((parts & ViewParts.Value) != 0 && r.ReadBoolean())
        {
            value = new CustomerValue(r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDecimal(), r.ReadDecimal(), r.ReadDecimal(),
                new RfmScore(r.ReadByte(), r.ReadByte(), r.ReadByte()), new ValueTier(r.ReadInt32(), r.ReadString()), (ValueQuadrant)r.ReadByte());
        }
        var (extras, reviewed) = (parts & (ViewParts.Metadata | ViewParts.Segments | ViewParts.FollowUp)) != 0 ? r.ReadExtras(parts) : (ViewExtras.Empty, null);
        return new CustomerParts(code, name, tags, attributes, contacts, consents, group, grade, owner, stage, stageSince,
            day < 0 ? null : DateOnly.FromDayNumber(day), timeZone, createdAt, stats, value) { Extras = extras, GradeReviewedAt = reviewed };
    }

    private static void WriteExtras(this BinaryWriter w, CustomerParts c, ViewParts parts)
    {
        var extras = c.Extras;
        if ((parts & ViewParts.Metadata) != 0)
        {
            w.Write(extras.Annotations.Count);
            foreach (var a in extras.Annotations)
            {
                w.Write(a.Kind);
                w.WriteInstant(a.At);
                w.Write(a.Metadata.Count);
                foreach (var (key, text) in a.Metadata)
                {
                    w.Write(key);
                    w.Write(text);
                }
            }
        }
        if ((parts & ViewParts.Segments) != 0)
        {
            w.Write(extras.Segments.Count);
            foreach (var segment in extras.Segments) w.Write(segment);
        }
        if ((parts & ViewParts.FollowUp) != 0)
        {
            w.WriteOptional(c.GradeReviewedAt);
            WriteCounts(w, extras.OpenTasks);
        }
    }

    private static (ViewExtras Extras, DateTimeOffset? GradeReviewedAt) ReadExtras(this BinaryReader r, ViewParts parts)
    {
        var annotations = Array.Empty<Annotation>();
        if ((parts & ViewParts.Metadata) != 0)
        {
            annotations = new Annotation[r.ReadInt32()];
            for (var i = 0; i < annotations.Length; i++)
            {
                var kind = r.ReadString();
                var at = r.ReadInstant();
                var count = r.ReadInt32();
                var metadata = new Dictionary<string, string>(count, StringComparer.Ordinal);
                for (var j = 0; j < count; j++) metadata[r.ReadString()] = r.ReadString();
                annotations[i] = new Annotation(kind, at, metadata);
            }
        }
        var segments = new HashSet<string>(StringComparer.Ordinal);
        if ((parts & ViewParts.Segments) != 0)
            for (var i = r.ReadInt32(); i > 0; i--) segments.Add(r.ReadString());
        DateTimeOffset? reviewed = null;
        Dictionary<string, int>? tasks = null;
        if ((parts & ViewParts.FollowUp) != 0)
        {
            reviewed = r.ReadOptionalInstant();
            tasks = ReadCounts(r);
        }
        return (new ViewExtras
        {
            Annotations = annotations,
            Segments = segments,
            OpenTasks = tasks ?? ViewExtras.Empty.OpenTasks,
        }, reviewed);
    }

    private static void WriteAttribute(this BinaryWriter w, AttributeValue value)
    {
        w.Write((byte)value.Type);
        switch (value.Type)
        {
            case AttributeType.Text: w.Write(value.AsText()); break;
            case AttributeType.Integer: w.Write(value.AsInteger()); break;
            case AttributeType.Decimal: w.Write(value.AsDecimal()); break;
            case AttributeType.Boolean: w.Write(value.AsBoolean()); break;
            case AttributeType.Date: w.Write(value.AsDate().DayNumber); break;
            case AttributeType.Instant: w.WriteInstant(value.AsInstant()); break;
            case AttributeType.TextList:
                var list = value.AsTextList();
                w.Write(list.Count);
                foreach (var item in list) w.Write(item);
                break;
            default: throw new NotSupportedException($"Attribute type {value.Type} cannot be sent to a script worker.");
        }
    }

    private static AttributeValue ReadAttribute(this BinaryReader r)
    {
        var type = (AttributeType)r.ReadByte();
        switch (type)
        {
            case AttributeType.Text: return AttributeValue.Text(r.ReadString());
            case AttributeType.Integer: return AttributeValue.Integer(r.ReadInt64());
            case AttributeType.Decimal: return AttributeValue.Decimal(r.ReadDecimal());
            case AttributeType.Boolean: return AttributeValue.Boolean(r.ReadBoolean());
            case AttributeType.Date: return AttributeValue.Date(DateOnly.FromDayNumber(r.ReadInt32()));
            case AttributeType.Instant: return AttributeValue.Instant(r.ReadInstant());
            case AttributeType.TextList:
                var items = new string[r.ReadInt32()];
                for (var i = 0; i < items.Length; i++) items[i] = r.ReadString();
                return AttributeValue.TextList(items);
            default: throw new InvalidDataException($"Unknown attribute type {type}.");
        }
    }

    private static void WriteStats(this BinaryWriter w, CustomerStats s)
    {
        w.Write(s.InteractionCount);
        w.Write(s.PurchaseCount);
        w.Write(s.MonetaryTotal);
        w.WriteOptional(s.FirstPurchaseAt);
        w.WriteOptional(s.LastPurchaseAt);
        w.WriteOptional(s.LastContactAt);
        WriteCounts(w, s.CountsByKind);
        WriteCounts(w, s.CountsByChannel);
        w.Write(s.LastByKind.Count);
        foreach (var (key, at) in s.LastByKind)
        {
            w.Write(key);
            w.WriteInstant(at);
        }
    }

    private static CustomerStats ReadStats(this BinaryReader r)
    {
        var interactions = r.ReadInt32();
        var purchases = r.ReadInt32();
        var total = r.ReadDecimal();
        var first = r.ReadOptionalInstant();
        var last = r.ReadOptionalInstant();
        var contact = r.ReadOptionalInstant();
        var byKind = ReadCounts(r);
        var byChannel = ReadCounts(r);
        var count = r.ReadInt32();
        var lastByKind = new Dictionary<string, DateTimeOffset>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) lastByKind[r.ReadString()] = r.ReadInstant();
        return new CustomerStats
        {
            InteractionCount = interactions,
            PurchaseCount = purchases,
            MonetaryTotal = total,
            FirstPurchaseAt = first,
            LastPurchaseAt = last,
            LastContactAt = contact,
            CountsByKind = byKind,
            CountsByChannel = byChannel,
            LastByKind = lastByKind,
        };
    }

    private static void WriteCounts(BinaryWriter w, IReadOnlyDictionary<string, int> counts)
    {
        w.Write(counts.Count);
        foreach (var (key, n) in counts)
        {
            w.Write(key);
            w.Write(n);
        }
    }

    private static Dictionary<string, int> ReadCounts(BinaryReader r)
    {
        var count = r.ReadInt32();
        var counts = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) counts[r.ReadString()] = r.ReadInt32();
        return counts;
    }

    internal static void WriteDiagnostics(this BinaryWriter w, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        w.Write(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            w.Write(d.Line);
            w.Write(d.Column);
            w.Write((byte)d.Severity);
            w.Write(d.Code);
            w.Write(d.Message);
        }
    }

    internal static List<ScriptDiagnostic> ReadDiagnostics(this BinaryReader r, string path)
    {
        var list = new List<ScriptDiagnostic>(r.ReadInt32());
        for (var i = list.Capacity; i > 0; i--)
            list.Add(new ScriptDiagnostic(path, r.ReadInt32(), r.ReadInt32(), (ScriptSeverity)r.ReadByte(), r.ReadString(), r.ReadString()));
        return list;
    }

    internal static void WriteProposals(this BinaryWriter w, IReadOnlyList<CareProposal> proposals)
    {
        w.Write(proposals.Count);
        foreach (var p in proposals)
        {
            w.Write(p.Occasion);
            w.WriteInstant(p.Due);
            w.WriteOptional(p.Channel);
            w.Write((byte)p.Priority);
            w.WriteOptional(p.Note);
        }
    }

    internal static CareProposal[] ReadProposals(this BinaryReader r)
    {
        var proposals = new CareProposal[r.ReadInt32()];
        for (var i = 0; i < proposals.Length; i++)
            proposals[i] = new CareProposal(r.ReadString(), r.ReadInstant(), r.ReadOptional(), (CarePriority)r.ReadByte(), r.ReadOptional());
        return proposals;
    }
}
