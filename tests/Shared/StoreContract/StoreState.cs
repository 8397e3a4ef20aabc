using System.Globalization;
using System.Text;
using CrmKit.Storage;

namespace CrmKit.Tests.Storage.Contract;

/// <summary>
/// Everything a database holds, read back through the public API and the store contract only, as
/// one text: two equal texts mean two equal states, whatever the store. Used to show that a
/// rejected or cancelled operation left everything as it was. The change feed's number is not in
/// it (a server's sequence may skip numbers a rolled-back unit of work used): compare
/// <see cref="ChangedSince"/> instead.
/// </summary>
public static class StoreState
{
    private static readonly PageRequest Everything = new(0, 10_000);

    public static string Capture(CrmDatabase crm)
    {
        var text = new StringBuilder();
        for (var page = Everything; ; page = page.Next)
        {
            var customers = crm.Customers.All(page);
            foreach (var c in customers.Items) text.AppendLine(crm.PersonalData.Export(c.Code));
            if (!customers.HasMore) break;
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"interactions {crm.Interactions.Count()}");
        foreach (var segment in crm.Segments.All())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"segment {segment.Name} {segment.Description} {segment.Script} {string.Join(";", segment.Filter?.Clauses.Select(c => c.ToString()) ?? [])}");
            foreach (var m in crm.Segments.Members(segment.Name, Everything).Items) text.AppendLine(m.ToString());
            foreach (var e in crm.Segments.Events(segment.Name)) text.AppendLine(e.ToString());
        }
        foreach (var task in crm.Care.Tasks(null, Everything).Items) text.AppendLine(task.ToString());
        foreach (var (reason, count) in crm.Care.SuppressionsByReason()) text.AppendLine(CultureInfo.InvariantCulture, $"suppressed {reason} {count}");
        text.AppendLine(crm.Value.LatestFit()?.ToString() ?? "no fit");
        foreach (var value in crm.Value.All()) text.AppendLine(value.ToString());
        return text.ToString();
    }

    /// <summary>The change feed's number now: a unit of work that did not commit leaves no customer changed after it.</summary>
    public static long ChangeSequence(CrmDatabase crm) =>
        crm.Store.ReadAsync((s, ct) => s.Changes.SequenceAsync(ct), default).AsTask().GetAwaiter().GetResult();

    /// <summary>The customers changed after <paramref name="sequence"/>, in code order.</summary>
    public static IReadOnlyList<string> ChangedSince(CrmDatabase crm, long sequence) =>
        crm.Store.ReadAsync((s, ct) => s.Changes.ChangedSinceAsync(sequence, ct), default).AsTask().GetAwaiter().GetResult()
            .Select(c => c.Value).Order(StringComparer.Ordinal).ToArray();
}
