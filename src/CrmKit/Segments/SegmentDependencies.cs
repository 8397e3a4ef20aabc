namespace CrmKit;

/// <summary>
/// Which segments a segment reads (<see cref="SnapshotNeeds.Segments"/>: a script's
/// <c>Customer.InSegment("vip")</c>), the order that refreshes every segment after those it reads,
/// and the check that refuses a circle of segments reading each other.
/// </summary>
internal static class SegmentDependencies
{
    /// <summary>
    /// The segments in refresh order: each after the segments it reads (of those given), otherwise
    /// by name. Segments it reads that are not given are left out of the ordering.
    /// </summary>
    /// <exception cref="CrmValidationException">The segments read each other in a circle; the message names it.</exception>
    internal static IReadOnlyList<(string Name, ISegmentPredicate Predicate)> Order(IReadOnlyList<(string Name, ISegmentPredicate Predicate)> segments)
    {
        var byName = segments.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var reads = segments.ToDictionary(s => s.Name, s => s.Predicate.Needs.Segments.Where(byName.ContainsKey).ToArray(), StringComparer.Ordinal);
        var ordered = new List<(string, ISegmentPredicate)>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        foreach (var name in byName.Keys.Order(StringComparer.Ordinal)) Visit(name, []);
        return ordered;

        void Visit(string name, List<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (done) return;
                var circle = path.SkipWhile(p => p != name).Append(name);
                throw new CrmValidationException("script", $"segments read each other in a circle: {string.Join(" → ", circle.Select(n => $"'{n}'"))}; a segment cannot depend on itself.");
            }
            state[name] = false;
            path.Add(name);
            foreach (var read in reads[name].Order(StringComparer.Ordinal)) Visit(read, path);
            path.RemoveAt(path.Count - 1);
            state[name] = true;
            ordered.Add(byName[name]);
        }
    }

    /// <summary>Refuses a predicate whose segment names are not all known: the refresh order could not be worked out.</summary>
    /// <exception cref="CrmValidationException">The predicate reads segments it does not name.</exception>
    internal static void CheckNamed(string segment, ISegmentPredicate predicate)
    {
        if (predicate.Needs.AllSegments)
            throw new CrmValidationException("script", $"segment '{segment}' asks about segments it does not name: give InSegment the segment's name as a string literal (Customer.InSegment(\"vip\")), so refreshes can run in dependency order.");
    }

    /// <summary>True when a predicate's verdicts can change without its customers changing (other segments, open tasks), so it needs a full refresh.</summary>
    internal static bool NeedsFullRefresh(ISegmentPredicate predicate)
    {
        var needs = predicate.Needs;
        return needs.Segments.Count > 0 || needs.AllSegments || needs.OpenTasks;
    }
}
