// A query expression has no lambda in the script's text, yet each clause runs once per element:
// every clause counts against the budgets. 100,000 x 100,000 pairs, none selected. Each inner
// sequence is charged to the memory budget as well, so which budget stops it first depends on the
// machine's speed: either stop is the right answer.
// expect: runtime CRM1001|CRM1002
var list = new List<int>();
for (var i = 0; i < 100_000; i++) list.Add(i);
return (from a in list from b in list where a + b < 0 select a + b).Any();
