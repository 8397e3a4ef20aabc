// expect: runtime CRM1001
var list = new List<int> { 1, 2, 3 };
var n = 0L;
for (var i = 0; i < 1_000_000; i++) list.Add(i);
return list.SelectMany(a => list.Select(b => a + b)).LongCount() > 0;
