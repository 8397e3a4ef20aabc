// A query expression has no lambda in the script's text, yet each clause runs once per element:
// every clause counts against the time budget. 100,000 x 100,000 pairs, none selected.
// expect: runtime CRM1001
var list = new List<int>();
for (var i = 0; i < 100_000; i++) list.Add(i);
return (from a in list from b in list where a + b < 0 select a + b).Any();
