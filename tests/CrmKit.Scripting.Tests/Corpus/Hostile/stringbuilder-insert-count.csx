// Insert with a count: the count is not multiplied by the inserted length.
// expect: runtime CRM1002
// budget: memory
var b = new StringBuilder();
b.Insert(0, new string('x', 1_000_000), 10_000);
return b.Length > 0;
