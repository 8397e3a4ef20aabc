// ThenBy chained in a loop: every level is another key the sorter walks recursively.
// expect: runtime CRM1003
// run: child-process
var list = new List<int> { 3, 1, 2 };
var ordered = list.OrderBy(x => x);
for (var i = 0; i < 100_000; i++) ordered = ordered.ThenBy(x => -x);
return ordered.First() > 0;
