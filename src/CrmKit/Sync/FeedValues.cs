namespace CrmKit;

/// <summary>
/// Applies one feed record to an existing customer, field by field. A field the record leaves
/// empty is left as it is. Without a system, the record's values replace the stored ones. With
/// one, a value replaces the stored one when that value came from the same system, or when it was
/// entered through CrmKit (which is then kept aside rather than lost), unless a value of that
/// system for the field was set aside before (by a merge, say). When another system gave the
/// stored value, it stays and the record's is kept aside (<see cref="KeptValue"/>), once per value
/// and system (a value a merge already kept from that system is not kept again). Tags and contact
/// points are added, never removed. A consent is withdrawn by any feed, and given again only by the system
/// that recorded it.
/// </summary>
internal sealed class FeedValues(Customer current, IReadOnlyList<ValueSource> sources, IReadOnlyList<KeptValue> kept, string? system, DateTimeOffset now)
{
    private readonly Dictionary<string, ValueSource> _sources = sources.ToDictionary(s => s.Field, StringComparer.Ordinal);

    /// <summary>True once a field changed.</summary>
    internal bool Changed { get; private set; }

    /// <summary>The values the feed gave that another system's value holds, to keep aside.</summary>
    internal List<KeptValue> Kept { get; } = [];

    /// <summary>The fields whose value now comes from the feed's system.</summary>
    internal List<ValueSource> Sources { get; } = [];

    /// <summary>The customer with the record's values applied.</summary>
    internal Customer Apply(Customer given)
    {
        var attributes = new Dictionary<string, AttributeValue>(current.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in given.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var field = "attributes." + name;
            if (Take(field, attributes.GetValueOrDefault(name), value, v => v)) attributes[name] = value;
        }
        var tags = current.Tags.Union(given.Tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var points = current.ContactPoints.Union(given.ContactPoints).ToArray();
        if (tags.Length != current.Tags.Count || points.Length != current.ContactPoints.Count) Changed = true;

        var consents = new Dictionary<Channel, Consent>(current.Consents);
        foreach (var (channel, consent) in given.Consents)
        {
            var field = "consents." + channel.Name;
            var ours = consents.GetValueOrDefault(channel);
            if (ours is not null && ours.Granted == consent.Granted) continue;
            var own = system is null || (_sources.TryGetValue(field, out var source) && source.System == system);
            if (ours is not null && consent.Granted && !own) continue;
            consents[channel] = consent;
            Changed = true;
            if (system is not null) Sources.Add(new ValueSource(current.Code, field, system, now));
        }

        return current with
        {
            Name = Take("name", current.Name, given.Name, AttributeValue.Text) ? given.Name : current.Name,
            Attributes = attributes,
            Tags = tags,
            ContactPoints = points,
            Consents = consents,
            Owner = Take("owner", current.Owner, given.Owner, AttributeValue.Text) ? given.Owner : current.Owner,
            Grade = Take("grade", current.Grade, given.Grade, AttributeValue.Text) ? given.Grade : current.Grade,
            Group = Take("group", current.Group, given.Group, g => AttributeValue.Text($"{g.Kind}:{g.Id}")) ? given.Group : current.Group,
            Birthday = Take("birthday", current.Birthday, given.Birthday, d => AttributeValue.Date(d!.Value)) ? given.Birthday : current.Birthday,
            TimeZone = Take("timeZone", current.TimeZone, given.TimeZone, AttributeValue.Text) ? given.TimeZone : current.TimeZone,
        };
    }

    /// <summary>True when the record's <paramref name="theirs"/> replaces <paramref name="ours"/>; records its source, or keeps it aside.</summary>
    private bool Take<T>(string field, T? ours, T? theirs, Func<T, AttributeValue> value)
    {
        if (theirs is null) return false;
        var source = _sources.GetValueOrDefault(field);
        if (EqualityComparer<T>.Default.Equals(ours, theirs))
        {
            // The same value, first given by this system: from now on the system may change it.
            if (system is not null && source is null) Sources.Add(new ValueSource(current.Code, field, system, now));
            return false;
        }
        // A value entered through CrmKit gives way to a feed, unless a merge (or an earlier disagreement)
        // already set this system's value for the field aside: that decision stands.
        var overruled = source is null && kept.Any(k => k.Field == field && k.System == system);
        if (ours is null || system is null || (source is null && !overruled) || source?.System == system)
        {
            if (system is not null)
            {
                Sources.Add(new ValueSource(current.Code, field, system, now));
                // A value entered through CrmKit gives way to the feed's, and is kept aside rather than lost.
                if (ours is not null && source is null) Kept.Add(new KeptValue(current.Code, field, value(ours), null, current.UpdatedAt, now));
            }
            Changed = true;
            return true;
        }
        var given = value(theirs);
        if (!kept.Any(k => k.Field == field && k.System == system && k.Value.Equals(given)))
            Kept.Add(new KeptValue(current.Code, field, given, system, now, now));
        return false;
    }

    /// <summary>The sources of every field a new customer was created with from the feed's system.</summary>
    internal static IEnumerable<ValueSource> SourcesOf(Customer created, string system, DateTimeOffset now)
    {
        IEnumerable<string> fields =
        [
            "name",
            .. created.Attributes.Keys.Select(k => "attributes." + k),
            .. created.Consents.Keys.Select(c => "consents." + c.Name),
            .. new (string Field, object? Value)[]
            {
                ("owner", created.Owner), ("grade", created.Grade), ("group", created.Group), ("birthday", created.Birthday), ("timeZone", created.TimeZone),
            }.Where(f => f.Value is not null).Select(f => f.Field),
        ];
        return fields.Order(StringComparer.Ordinal).Select(f => new ValueSource(created.Code, f, system, now));
    }
}
