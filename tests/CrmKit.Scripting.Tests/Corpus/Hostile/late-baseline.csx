// Allocates a lot before its first budget checks: the memory baseline is taken at the start.
// expect: runtime CRM1002
// budget: memory
var parts = new List<string>();
for (var i = 0; i < 40; i++) parts.Add(new string('x', 10_000_000));
return parts.Count > 0;
