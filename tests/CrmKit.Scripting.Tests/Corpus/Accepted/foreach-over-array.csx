// foreach over an array compiles to an index loop.
// expect: true
var total = 0;
foreach (var n in new[] { 1, 2, 3 }) total += n;
foreach (var tag in Customer.Tags.ToArray()) total += tag.Length > 0 ? 1 : 0;
return total == 9;
