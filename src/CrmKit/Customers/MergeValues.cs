namespace CrmKit;

/// <summary>
/// Combines two records of one person for a merge without losing a value: sets and lists are
/// united, a field only the merged record holds is taken, and where both hold different values the
/// survivor keeps its own and the merged record's value is kept aside, with the system and time it
/// came from (its <see cref="ValueSource"/>, or the merged record's last profile change when it
/// was entered through CrmKit).
/// </summary>
internal sealed class MergeValues(Customer survivor, Customer merged, IReadOnlyList<ValueSource> mergedSources, DateTimeOffset now)
{
    private readonly Dictionary<string, ValueSource> _sources = mergedSources.ToDictionary(s => s.Field, StringComparer.Ordinal);

    /// <summary>The merged record's values the survivor did not take, for <see cref="Storage.IIdentityStore.KeepAsync"/>.</summary>
    internal List<KeptValue> Kept { get; } = [];

    /// <summary>The merged record's value sources for the fields the survivor took from it, now the survivor's.</summary>
    internal List<ValueSource> Taken { get; } = [];

    /// <summary>The survivor with everything of the merged record it can hold.</summary>
    internal Customer Combine()
    {
        Compare("name", survivor.Name, merged.Name, AttributeValue.Text);
        var attributes = new Dictionary<string, AttributeValue>(survivor.Attributes, StringComparer.Ordinal);
        foreach (var (name, theirs) in merged.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (attributes.TryGetValue(name, out var ours)) Compare("attributes." + name, ours, theirs, v => v);
            else
            {
                attributes[name] = theirs;
                Take("attributes." + name);
            }
        }

        var consents = new Dictionary<Channel, Consent>(survivor.Consents);
        foreach (var (channel, theirs) in merged.Consents)
            consents[channel] = consents.TryGetValue(channel, out var ours) ? Stricter(ours, theirs) : theirs;

        var takeGrade = survivor.Grade is null && merged.Grade is not null;
        return survivor with
        {
            Attributes = attributes,
            Tags = survivor.Tags.Union(merged.Tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            ContactPoints = survivor.ContactPoints.Union(merged.ContactPoints).ToArray(),
            Consents = consents,
            Owner = Pick("owner", survivor.Owner, merged.Owner, AttributeValue.Text),
            // The grade's history moves with the merge, so a differing grade is in it, not lost.
            Grade = takeGrade ? merged.Grade : survivor.Grade,
            GradeReviewedAt = takeGrade ? merged.GradeReviewedAt : survivor.GradeReviewedAt,
            Group = Pick("group", survivor.Group, merged.Group, g => AttributeValue.Text($"{g.Kind}:{g.Id}")),
            Birthday = Pick("birthday", survivor.Birthday, merged.Birthday, d => AttributeValue.Date(d!.Value)),
            TimeZone = Pick("timeZone", survivor.TimeZone, merged.TimeZone, AttributeValue.Text),
        };
    }

    /// <summary>Keeps the survivor's owner aside when a claim in force makes the merged record's claimant the owner.</summary>
    internal void KeepOwner(string? owner, IReadOnlyList<ValueSource> survivorSources)
    {
        if (owner is null) return;
        var source = survivorSources.FirstOrDefault(s => s.Field == "owner");
        Kept.Add(new KeptValue(survivor.Code, "owner", AttributeValue.Text(owner), source?.System, source?.At ?? survivor.UpdatedAt, now));
    }

    private T? Pick<T>(string field, T? ours, T? theirs, Func<T, AttributeValue> value)
    {
        if (ours is null)
        {
            if (theirs is not null) Take(field);
            return theirs;
        }
        if (theirs is not null) Compare(field, ours, theirs, value);
        return ours;
    }

    private void Compare<T>(string field, T ours, T theirs, Func<T, AttributeValue> value)
    {
        if (EqualityComparer<T>.Default.Equals(ours, theirs)) return;
        var source = _sources.GetValueOrDefault(field);
        Kept.Add(new KeptValue(survivor.Code, field, value(theirs), source?.System, source?.At ?? merged.UpdatedAt, now) { MergedFrom = merged.Code });
    }

    private void Take(string field)
    {
        if (_sources.TryGetValue(field, out var source)) Taken.Add(source with { Customer = survivor.Code });
    }

    /// <summary>An opt-out on either side wins; between two of the same kind, the later one.</summary>
    private static Consent Stricter(Consent a, Consent b) =>
        a.Granted != b.Granted ? (a.Granted ? b : a) : (a.At >= b.At ? a : b);
}
