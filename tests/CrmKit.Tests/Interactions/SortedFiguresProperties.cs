using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.Tests.Interactions;

/// <summary>The per-kind and per-channel figures of stats answer exactly like an ordinal sorted dictionary.</summary>
public class SortedFiguresProperties
{
    [Property(MaxTest = 200)]
    public Property Figures_built_in_any_order_answer_like_a_sorted_dictionary() =>
        Prop.ForAll(Gen.Zip(Gen.OneOf(Generators.UnicodeText, Gen.Elements(Generators.Kinds)).ArrayOf(), Gen.Choose(-5, 500).ArrayOf()).ToArbitrary(), pair =>
        {
            var (names, numbers) = pair;
            var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++) expected[names[i]] = i < numbers.Length ? numbers[i] : i;
            var shuffled = expected.Reverse().ToArray();
            var figures = SortedFigures<int>.From(shuffled.Select(e => e.Key).ToArray(), shuffled.Select(e => e.Value).ToArray());

            var probes = names.Concat(names.Select(n => n + "x")).Append("");
            return (figures.Count == expected.Count
                && figures.SequenceEqual(expected)
                && probes.All(p => figures.TryGetValue(p, out var v) == expected.TryGetValue(p, out var w) && v == w)
                && probes.All(p => figures.ContainsKey(p) == expected.ContainsKey(p)))
                .Label($"{expected.Count} figures");
        });
}
