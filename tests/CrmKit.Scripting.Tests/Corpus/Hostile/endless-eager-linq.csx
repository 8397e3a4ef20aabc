// A leaf lambda given to an eager LINQ method (Count) over a huge sequence: no stack check is
// needed, but the time budget still stops it.
// expect: runtime CRM1001
var list = new List<int>();
for (var i = 0; i < 1_000_000; i++) list.Add(i);
return list.SelectMany(a => list).Count(x => x >= 0) > 0;
