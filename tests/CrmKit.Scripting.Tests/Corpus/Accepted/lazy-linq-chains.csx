// expect: true
// Lazy operators, with and without lambdas, chained in expressions and in a loop (below the limit).
var tags = Customer.Tags;
var doubled = tags.Concat(tags).Distinct().Reverse().DefaultIfEmpty("none").ToList();
var ordered = tags.OrderBy(t => t.Length).ThenByDescending(t => t).ThenBy(t => t[0]).Select(t => t.ToUpperInvariant()).First();
var groups = tags.GroupBy(t => t.Length).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
IEnumerable<string> chain = tags;
for (var i = 0; i < 50; i++) chain = chain.Where(t => t.Length > 0).Skip(0);
var zipped = tags.Zip(tags.Skip(1), (a, b) => a + b).Take(1).Any();
return doubled.Count == tags.Distinct().Count() && ordered.Length > 0 && groups.Sum() == tags.Count
    && chain.Count() == tags.Count && zipped == tags.Count > 1 && tags.AsEnumerable().Append("x").Prepend("y").Count() == tags.Count + 2;
