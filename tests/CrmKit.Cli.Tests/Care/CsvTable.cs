using CsvHelper;

namespace CrmKit.Cli.Tests.Care;

/// <summary>CSV text read back with a real CSV reader, each row as column name → cell.</summary>
internal static class CsvTable
{
    internal static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var header = reader.Headers.ToArray();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Select((h, i) => (h, fields[i] ?? "")).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal));
        }
        return rows;
    }
}
