// A join whose keys always match makes every pair without asking a source for more elements;
// the where clause still counts each pair. Which budget runs out first (time, or memory for the
// join's lookup) depends on how busy the machine is; either stops it.
// expect: runtime CRM1001|CRM1002
var list = new List<int>();
for (var i = 0; i < 100_000; i++) list.Add(i);
return (from a in list join b in list on 1 equals 1 where a < 0 select b).Any();
